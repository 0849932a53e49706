import { DomainError, ValidationError } from '@/lib/errors';
import { findBadText } from '@/lib/validation/params';

/** 2 MiB: the largest request body any route or import reads (SPEC 3). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class PayloadTooLargeError extends DomainError {
  constructor(limit: number) {
    super(`Request body is larger than ${Math.round(limit / 1024)} KiB; split it`, 413);
  }
}

/**
 * Reads a request body as UTF-8 text, stopping as soon as it passes `limit` bytes
 * (the rest is never buffered or parsed). Invalid UTF-8 and NUL bytes are refused.
 */
export async function readBodyText(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError('Body is not valid UTF-8', { body: ['must be UTF-8 text'] });
  }
  if (text.includes('\u0000')) throw new ValidationError('Body contains a NUL byte', { body: ['NUL byte'] });
  return text;
}

/** Reads and parses a JSON body within the size limit; malformed JSON is a 400. */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('Body is not valid JSON', { body: ['must be valid JSON'] });
  }
  // Escaped NULs (\u0000) and lone surrogates survive JSON.parse; refuse them by field.
  const bad = findBadText(value);
  if (bad) throw new ValidationError(`${bad.path} ${bad.message}`, { [bad.path]: [bad.message] });
  return value;
}
