// Text that lands in Prometheus alert annotations is a Go template (SPEC 7): a name
// containing `{{` would open an action — `{{ end }}` breaks the whole rule file and
// `{{ query "up" }}` runs a query when the alert fires. Every `{{` is written as the
// template expression that prints the two braces, so the text comes out unchanged.

export function escapeTemplateText(text: string): string {
  return text.replaceAll('{{', '{{ "{{" }}');
}

/** A link safe to put in an annotation: http(s) only, else null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? escapeTemplateText(url) : null;
  } catch {
    return null;
  }
}
