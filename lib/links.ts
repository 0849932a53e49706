// Links the portal writes into files other tools render (Prometheus rule annotations, OpenSLO
// exports): only http(s), so a stored `javascript:` or `file:` URL never becomes a clickable link.

/** `url` when it is an absolute http(s) URL, else null. */
export function httpUrlOrNull(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
