// The session cookie in next-auth's own format (a JWE, `dir` + A256GCM, keyed by
// HKDF-SHA256 of the secret), with the derived key kept instead of derived again for
// every decode and re-encode: next-auth derives it twice per signed-in request, which
// was the largest single cost of a dashboard refresh after the JSON itself.
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt = ''): Uint8Array {
  const id = `${typeof secret === 'string' ? secret : secret.toString('base64')}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeSession({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE,
  salt = '',
}: JWTEncodeParams) {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(keyFor(secret, salt));
}

export async function decodeSession({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
