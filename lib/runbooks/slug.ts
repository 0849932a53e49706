// Runbook slugs, without the validation schemas (the editor runs this in the browser).

/** A slug from a title: "Checkout API: 5xx spike" → "checkout-api-5xx-spike". */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '') || 'runbook'
  );
}
