import { describe, expect, it } from 'vitest';
import { selectorProblem } from './selector';

describe('selectorProblem', () => {
  it('accepts metric selectors', () => {
    for (const ok of [
      'http_requests_total',
      'http_requests_total{job="api"}',
      'x{code!~"5..",job="a", le="0.3"}',
      '{__name__="up",job="x"}',
      "a{b='c'}",
    ]) {
      expect(selectorProblem(ok), ok).toBeNull();
    }
  });

  it('refuses expressions, ranges, empty and malformed selectors with a reason', () => {
    expect(selectorProblem('')).toMatch(/required/);
    expect(selectorProblem('rate(x[5m])')).toMatch(/metric selector/);
    expect(selectorProblem('x[5m]')).toMatch(/metric selector/);
    expect(selectorProblem('sum(x)')).toMatch(/metric selector/);
    expect(selectorProblem('{}')).toMatch(/empty selector/);
    expect(selectorProblem('x{job=api}')).toMatch(/quoted value/);
    expect(selectorProblem('x{job="api"')).toMatch(/Expected , or }/);
    expect(selectorProblem('x{job="api"} + 1')).toMatch(/Unexpected text/);
  });
});
