import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { checkSearchParams, pageParam, slugParam, uuidParam } from './params';

describe('NUL bytes, invalid UTF-8 and huge numbers (issue 9 item 8)', () => {
  it('refuses NUL and invalid UTF-8 in slugs with a field error', () => {
    expect(() => slugParam('\u0000')).toThrow(ValidationError);
    expect(() => slugParam('%C0%AE%C0%AE')).toThrow(/slug/);
    expect(() => slugParam('\uFFFD')).toThrow(/UTF-8/);
    expect(slugParam('checkout-availability')).toBe('checkout-availability');
  });
  it('refuses a page whose offset overflows', () => {
    expect(() => pageParam('99999999999999999999')).toThrow(/page/);
    expect(() => pageParam('-1')).toThrow(ValidationError);
    expect(pageParam(undefined)).toBe(1);
    expect(pageParam('3')).toBe(3);
  });
  it('refuses non-UUID ids and NUL in query strings', () => {
    expect(() => uuidParam('not-a-uuid', 'sloId')).toThrow(/sloId/);
    expect(() => checkSearchParams(new URLSearchParams('service=%00'))).toThrow(/service/);
    expect(() => checkSearchParams({ q: 'a\u0000' })).toThrow(/q/);
  });
});
