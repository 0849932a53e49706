import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';

describe('sign-in limit trusts X-Forwarded-For from anyone (issue 9 item 12)', () => {
  const none = parseTrustedProxies('');
  const proxy = parseTrustedProxies('10.0.0.2, 10.0.0.3');
  it('ignores a forged X-Forwarded-For from a client that is not a configured proxy', () => {
    for (let i = 0; i < 7; i++)
      expect(clientAddress({ 'x-sre-peer': '203.0.113.9', 'x-forwarded-for': `198.51.100.${i}` }, none)).toBe(
        '203.0.113.9',
      );
  });
  it('uses the rightmost untrusted address a configured proxy reports', () => {
    expect(
      clientAddress(
        { 'x-sre-peer': '::ffff:10.0.0.2', 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.3' },
        proxy,
      ),
    ).toBe('198.51.100.7');
  });
  it('clients without the header do not share one key', () => {
    expect(clientAddress({ 'x-sre-peer': '203.0.113.1' }, none)).not.toBe(
      clientAddress({ 'x-sre-peer': '203.0.113.2' }, none),
    );
  });
});
