import { describe, expect, it } from 'vitest';
import { httpUrlOrNull } from './links';

describe('httpUrlOrNull', () => {
  it('keeps http(s) links and drops every other scheme', () => {
    expect(httpUrlOrNull('https://wiki.example.com/rb?a=1')).toBe('https://wiki.example.com/rb?a=1');
    expect(httpUrlOrNull('http://wiki/rb')).toBe('http://wiki/rb');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'wiki/rb',
      '',
      null,
    ])
      expect(httpUrlOrNull(bad), String(bad)).toBeNull();
  });
});
