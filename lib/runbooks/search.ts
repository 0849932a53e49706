// Library search terms: words become prefix terms for PostgreSQL's to_tsquery, so
// "restart kafk" finds "Restart Kafka consumers" while typing. Only letters and digits
// reach the query text, so no input can make to_tsquery fail.
export function prefixTsQuery(q: string | undefined | null): string | null {
  if (!q) return null;
  const words = (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 64)).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}

/** Sentinels ts_headline wraps around matches; the page turns them into <mark>, never HTML. */
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';

/** Splits a highlighted snippet into plain and marked pieces. */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) out.push({ text: snippet.slice(last, m.index), mark: false });
    out.push({ text: m[1], mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) out.push({ text: snippet.slice(last), mark: false });
  return out.map((p) => ({ ...p, text: p.text.replaceAll(MARK_START, '').replaceAll(MARK_END, '') }));
}
