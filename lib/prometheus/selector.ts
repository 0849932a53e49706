// The Prometheus source takes counter *selectors* (Pyrra-style): the portal builds
// increase()/rate() around them itself, for the sync and for the generated rules.

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const OP = /=~|!~|!=|=/y;
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/y;

function take(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

/**
 * Why `q` is not a metric selector like `http_requests_total{job="api",code!~"5.."}`,
 * or null when it is one.
 */
export function selectorProblem(q: string): string | null {
  const s = q.trim();
  if (!s) return 'A counter selector is required, e.g. http_requests_total{job="api"}';
  let i = 0;
  const name = take(NAME, s, i);
  if (name) i += name.length;
  if (i === s.length) return null;
  if (s[i] !== '{')
    return 'Must be a metric selector such as http_requests_total{job="api"}: the portal adds increase()/rate() itself, so no functions or ranges';
  i += 1;
  let matchers = 0;
  for (;;) {
    while (s[i] === ' ') i++;
    if (s[i] === '}') break;
    const label = take(LABEL, s, i);
    if (!label) return `Expected a label name at position ${i + 1}`;
    i += label.length;
    while (s[i] === ' ') i++;
    const op = take(OP, s, i);
    if (!op) return `Expected =, !=, =~ or !~ after ${label}`;
    i += op.length;
    while (s[i] === ' ') i++;
    const value = take(STRING, s, i);
    if (!value) return `Expected a quoted value for ${label}`;
    i += value.length;
    matchers += 1;
    while (s[i] === ' ') i++;
    if (s[i] === ',') {
      i += 1;
      continue;
    }
    if (s[i] !== '}') return `Expected , or } at position ${i + 1}`;
  }
  if (i !== s.length - 1)
    return 'Unexpected text after the selector: the portal adds increase()/rate() itself';
  if (!name && matchers === 0) return 'An empty selector matches everything: name the counter';
  return null;
}
