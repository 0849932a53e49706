import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'srep_';

/** A new API token: the secret is shown once; only its SHA-256 is stored (SPEC 3). */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
