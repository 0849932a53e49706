import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-path';

describe('open redirect after sign-in (issue 9 item 2)', () => {
  it('refuses paths a browser turns into another host', () => {
    for (const bad of [
      '/\\127.0.0.1:9/phish',
      '/%5C127.0.0.1:9/phish',
      '/\t/host',
      '/%09/host',
      '/%0a/host',
      '//evil.example',
      '/%2F/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
    ])
      expect(safeCallbackPath(bad), bad).toBe('/');
  });
  it('keeps same-origin paths and absolute URLs of this origin', () => {
    expect(safeCallbackPath('/slos/checkout?tab=alerts')).toBe('/slos/checkout?tab=alerts');
    expect(safeCallbackPath('http://localhost:3000/toil', '/', 'http://localhost:3000')).toBe('/toil');
    expect(safeCallbackPath('http://evil.example/toil', '/', 'http://localhost:3000')).toBe('/');
  });
});
