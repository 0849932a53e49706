import { describe, expect, it } from 'vitest';
import { safeHref } from './links';

describe('safeHref', () => {
  it('keeps http(s), anchors and relative links', () => {
    for (const ok of [
      'https://grafana.example.com/d/x?a=1',
      'http://x',
      '#mitigation',
      '/slos/checkout',
      'other.md',
    ])
      expect(safeHref(ok)).toBe(ok);
  });

  it('drops every other scheme, however it is disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '//evil.example.com/x',
      '/\\evil.example.com',
      '',
    ])
      expect(safeHref(bad), bad).toBeNull();
  });
});
