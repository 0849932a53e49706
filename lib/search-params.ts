/** Normalises Next's searchParams (string | string[] | undefined) to single strings. */
export function single(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** Where a delete action sends the user: the list, with ?deleted=<what> for its "… deleted" toast. */
export function deletedHref(list: string, what: string): string {
  return `${list}?deleted=${encodeURIComponent(what)}`;
}
