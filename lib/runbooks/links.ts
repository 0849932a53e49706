// Links in runbooks (SPEC 7): http(s) or relative only — no javascript:, data:, vbscript:,
// or protocol-relative //host that would leave the portal under a relative-looking URL.

/** The URL when it is safe to link to, else null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  // Browsers drop tabs and newlines and ignore leading spaces/control characters in URLs.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what browsers ignore is what we must strip
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  if (!cleaned) return null;
  if (/^https?:\/\//i.test(cleaned)) return url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return null;
  if (/^[/\\]{2}/.test(cleaned)) return null;
  if (cleaned.includes('\\')) return null;
  return url.trim();
}
