import { describe, expect, it } from 'vitest';
import { extractSelector, selectorProblem } from './selector';

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

describe('extractSelector', () => {
  const sel = (q: string) => {
    const r = extractSelector(q);
    return 'selector' in r ? r.selector : `ERR ${r.problem}`;
  };
  it('takes the selector out of the expressions people write', () => {
    expect(sel('http_requests_total{job="api"}')).toBe('http_requests_total{job="api"}');
    expect(sel('sum(rate(http_requests_total{job="api",code!~"5.."}[5m]))')).toBe(
      'http_requests_total{job="api",code!~"5.."}',
    );
    expect(sel('sum by (service) (increase(x_total{a="b"}[1h]))')).toBe('x_total{a="b"}');
    expect(sel('sum without (pod)(rate(x_total[30s]))')).toBe('x_total');
    expect(sel('sum(increase(x_total{a="]"}[1h])) by (job)')).toBe('x_total{a="]"}');
    expect(
      sel('sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))'),
    ).toBe('http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}');
    expect(sel('sum(rate(x[{{ .window }}]))')).toBe('x');
    expect(sel('rate(x_total[$__rate_interval])')).toBe('x_total');
    expect(sel('increase(x_total[1h30m])')).toBe('x_total');
  });

  it('refuses anything else and says why', () => {
    expect(sel('')).toMatch(/required/);
    expect(sel('sum(irate(x[5m]))')).toMatch(/irate\(\) looks at the last two samples/);
    expect(sel('histogram_quantile(0.9, sum(rate(x[5m])))')).toMatch(/does not count events/);
    expect(sel('sum(rate(x[5m])) / sum(rate(y[5m]))')).toMatch(/arithmetic between counters/);
    expect(sel('rate(x)')).toMatch(/needs a range/);
    expect(sel('rate(x[five])')).toMatch(/neither a duration/);
    expect(sel('x{job=api}')).toMatch(/quoted value/);
    expect(sel('sum(rate(x[5m])')).toMatch(/Expected \) to close sum/);
    expect(sel('x[5m]')).toMatch(/give a counter selector/);
  });
});
