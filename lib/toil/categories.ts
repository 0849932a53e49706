// Toil categories (SPEC 1.4). Teams may edit them; these seed a new install.

import { slugify } from '@/lib/format';

export interface ToilCategory {
  slug: string;
  name: string;
}

export const DEFAULT_TOIL_CATEGORIES: readonly ToilCategory[] = [
  { slug: 'deployments', name: 'Deployments' },
  { slug: 'scaling', name: 'Scaling' },
  { slug: 'alert-triage', name: 'Alert triage' },
  { slug: 'configuration-changes', name: 'Configuration changes' },
  { slug: 'certificate-rotation', name: 'Certificate rotation' },
  { slug: 'database-maintenance', name: 'Database maintenance' },
  { slug: 'access-requests', name: 'Access requests' },
  { slug: 'backup-restore', name: 'Backup/restore' },
  { slug: 'data-fixes', name: 'Data fixes' },
  { slug: 'incident-follow-up', name: 'Incident follow-up' },
];

/** "Backup/restore" → "backup-restore", for categories a team adds. */
export function categorySlug(name: string): string {
  return slugify(name);
}

/**
 * The known category the input names, matched case-insensitively against
 * slugs and names. A plain string in `known` is returned as written; a
 * `{ slug, name }` returns its slug.
 */
export function matchCategory(input: string, known: ReadonlyArray<string | ToilCategory>): string | null {
  const wanted = input.trim().toLowerCase();
  if (wanted === '') return null;
  for (const category of known) {
    if (typeof category === 'string') {
      if (category.trim().toLowerCase() === wanted) return category;
    } else if (category.slug.toLowerCase() === wanted || category.name.trim().toLowerCase() === wanted) {
      return category.slug;
    }
  }
  return null;
}
