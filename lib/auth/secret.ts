import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, isEmbedded, pgliteDir } from '@/lib/env';

let cached: string | undefined;

/**
 * The session secret. Production deployments must set AUTH_SECRET; the embedded
 * default generates one beside its data folder so the first run just works.
 */
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  const given = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (given) {
    cached = given;
    return given;
  }
  if (!isEmbedded() && e.NODE_ENV === 'production') {
    throw new Error(
      'AUTH_SECRET is required in production (at least 32 characters; `openssl rand -base64 32`).',
    );
  }
  const file = path.join(path.dirname(pgliteDir()), 'auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}
