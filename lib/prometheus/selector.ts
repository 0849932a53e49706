// The Prometheus source works on counter *selectors* (Pyrra-style): the portal builds
// increase()/rate() around them itself, for the sync and for the generated rules. People
// paste the expressions they already have, so the usual forms are accepted and the selector
// taken out of them (SPEC 1.2): `sel`, `rate(sel[w])`, `increase(sel[w])`, each optionally
// inside `sum(…)`, `sum by (…) (…)`, `sum without (…) (…)` or `sum(…) by (…)`, where w is a
// duration or a template such as Sloth's `{{.window}}` or Grafana's `$__rate_interval`.

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const OP = /=~|!~|!=|=/y;
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/y;
const RANGE = /^(?:(?:\d+(?:ms|[smhdwy]))+|\{\{\s*\.[a-zA-Z_]+\s*\}\}|\$__[a-z_]+|\$\{?[a-zA-Z_]+\}?)$/;

function take(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

type Scan = { end: number } | { problem: string };

/** Reads a selector starting at `at`; `end` is the index just after it. */
function scanSelector(s: string, at: number): Scan {
  let i = at;
  const name = take(NAME, s, i);
  if (name) i += name.length;
  if (s[i] !== '{') {
    if (!name) return { problem: 'A counter selector is required, e.g. http_requests_total{job="api"}' };
    return { end: i };
  }
  i += 1;
  let matchers = 0;
  for (;;) {
    while (s[i] === ' ') i++;
    if (s[i] === '}') break;
    const label = take(LABEL, s, i);
    if (!label) return { problem: `Expected a label name at position ${i + 1}` };
    i += label.length;
    while (s[i] === ' ') i++;
    const op = take(OP, s, i);
    if (!op) return { problem: `Expected =, !=, =~ or !~ after ${label}` };
    i += op.length;
    while (s[i] === ' ') i++;
    const value = take(STRING, s, i);
    if (!value) return { problem: `Expected a quoted value for ${label}` };
    i += value.length;
    matchers += 1;
    while (s[i] === ' ') i++;
    if (s[i] === ',') {
      i += 1;
      continue;
    }
    if (s[i] !== '}') return { problem: `Expected , or } at position ${i + 1}` };
  }
  if (!name && matchers === 0) return { problem: 'An empty selector matches everything: name the counter' };
  return { end: i + 1 };
}

/**
 * Why `q` is not a plain metric selector like `http_requests_total{job="api",code!~"5.."}`,
 * or null when it is one.
 */
export function selectorProblem(q: string): string | null {
  const s = q.trim();
  if (!s) return 'A counter selector is required, e.g. http_requests_total{job="api"}';
  const scan = scanSelector(s, 0);
  if ('problem' in scan) {
    return /^[a-zA-Z_:]/.test(s) || s.startsWith('{')
      ? scan.problem
      : 'Must be a metric selector such as http_requests_total{job="api"}: the portal adds increase()/rate() itself, so no functions or ranges';
  }
  if (scan.end === s.length) return null;
  if (s[scan.end] === '(' || s[scan.end] === '[')
    return 'Must be a metric selector such as http_requests_total{job="api"}: the portal adds increase()/rate() itself, so no functions or ranges';
  return 'Unexpected text after the selector: the portal adds increase()/rate() itself';
}

const FORMS =
  'give a counter selector, or sum(rate(sel[w])), sum by (…) (increase(sel[w])) or the same with [{{.window}}]';

/**
 * The counter selector inside `q` (one of the accepted forms), or why there is none.
 * The reason names what is wrong, for the field's error message.
 */
export function extractSelector(q: string): { selector: string } | { problem: string } {
  const s = q.trim();
  if (!s) return { problem: 'A counter selector is required, e.g. http_requests_total{job="api"}' };
  if (selectorProblem(s) === null) return { selector: s };
  let i = 0;
  const ws = () => {
    while (/\s/.test(s[i] ?? '')) i++;
  };
  const word = (re: RegExp): string | null => {
    const m = re.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    ws();
    return m[1] ?? m[0];
  };
  const grouping = (): string | null => {
    if (!word(/^(by|without)\b/)) return null;
    if (!word(/^\(/)) return 'Expected ( after by/without';
    if (!word(/^[a-zA-Z_0-9,\s]*\)/)) return 'Expected label names and ) after by/without';
    return null;
  };
  ws();
  const aggregation = word(/^([a-z_]+)\s*(?=\(|by\b|without\b)/);
  let fn: string | null = null;
  let summed = false;
  if (aggregation === 'sum') {
    summed = true;
    const g = grouping();
    if (g) return { problem: g };
    if (!word(/^\(/)) return { problem: `Expected ( after sum: ${FORMS}` };
    fn = word(/^([a-z_]+)\s*(?=\()/);
  } else {
    fn = aggregation;
  }
  if (fn !== null) {
    if (!['rate', 'increase'].includes(fn)) {
      const why =
        fn === 'irate'
          ? 'irate() looks at the last two samples only'
          : ['histogram_quantile', 'avg', 'max', 'min', 'count', 'quantile'].includes(fn)
            ? `${fn}() does not count events`
            : `${fn}() is not one of the accepted forms`;
      return { problem: `${why}: ${FORMS}` };
    }
    if (!word(/^\(/)) return { problem: `Expected ( after ${fn}` };
  }
  const scan = scanSelector(s, i);
  if ('problem' in scan) return { problem: scan.problem };
  const selector = s.slice(i, scan.end);
  i = scan.end;
  ws();
  if (fn !== null) {
    if (s[i] !== '[') return { problem: `${fn}() needs a range such as ${selector}[5m]` };
    const close = s.indexOf(']', i);
    const range = close < 0 ? '' : s.slice(i + 1, close).trim();
    if (close < 0 || !RANGE.test(range))
      return {
        problem: `The range [${range}] is neither a duration such as 5m nor a template such as {{.window}}`,
      };
    i = close + 1;
    ws();
    if (s[i] !== ')') return { problem: `Expected ) to close ${fn}(: ${FORMS}` };
    i += 1;
    ws();
  }
  if (summed) {
    if (s[i] !== ')') return { problem: `Expected ) to close sum(: ${FORMS}` };
    i += 1;
    ws();
    const g = grouping();
    if (g) return { problem: g };
  }
  if (i !== s.length) {
    const rest = s.slice(i).trim();
    const why = /^[/*+-]/.test(rest)
      ? 'arithmetic between counters is not accepted: give the good (or bad) and the total counters separately'
      : `unexpected "${rest.slice(0, 20)}" after the expression`;
    return { problem: `${why}; ${FORMS}` };
  }
  if (fn === null && !summed) return { problem: FORMS };
  return { selector };
}
