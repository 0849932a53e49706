import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession } from '@/server/session-jwt';

const secret = 'test-secret-test-secret-test-secret-xx';
const token = { uid: '5d0c7f44-0a0e-4c53-9a57-2a3b9e9c1d11', sv: 3, email: 'a@example.com' };

describe('session cookie codec', () => {
  it("reads next-auth's own tokens and next-auth reads ours (cookies survive the switch)", async () => {
    const theirs = await encode({ token, secret, maxAge: 3600 });
    expect(await decodeSession({ token: theirs, secret })).toMatchObject(token);
    const ours = await encodeSession({ token, secret, maxAge: 3600 });
    const back = await decode({ token: ours, secret });
    expect(back).toMatchObject(token);
    expect(Number(back?.exp) - Number(back?.iat)).toBe(3600);
    expect(typeof back?.jti).toBe('string');
  });

  it('refuses a token sealed with another secret, a tampered one and an expired one', async () => {
    const ours = await encodeSession({ token, secret, maxAge: 3600 });
    await expect(decodeSession({ token: ours, secret: `${secret}-other` })).rejects.toThrow();
    const tampered = `${ours.slice(0, -4)}${ours.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(decodeSession({ token: tampered, secret })).rejects.toThrow();
    const expired = await encodeSession({ token, secret, maxAge: -60 });
    await expect(decodeSession({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSession({ token: undefined, secret })).toBeNull();
  });

  it('keeps salts apart', async () => {
    const salted = await encodeSession({ token, secret, salt: 'a', maxAge: 60 });
    expect(await decodeSession({ token: salted, secret, salt: 'a' })).toMatchObject(token);
    await expect(decodeSession({ token: salted, secret, salt: 'b' })).rejects.toThrow();
  });
});
