import type { Role } from '@/lib/auth/roles';
import { hasRole } from '@/lib/auth/roles';
import { NAV_SECTIONS, type NavItem } from './nav';

/**
 * Modules whose pages are still placeholders: the sidebar marks them "soon" and the home page
 * does not promote them. Remove a module's line when its pages land.
 */
export const NOT_BUILT_YET: ReadonlySet<string> = new Set<string>([]);

/** Links the sidebar prefetches on every page view: the ones an on-call engineer opens next. */
export const PREFETCHED: ReadonlySet<string> = new Set(['/', '/slos']);

/** The sidebar sections a role sees (empty sections dropped). */
export function navFor(role: Role): { title: string; items: (NavItem & { soon: boolean })[] }[] {
  return NAV_SECTIONS.map((section) => ({
    title: section.title,
    items: section.items
      .filter((item) => hasRole(role, item.role ?? 'viewer'))
      .map((item) => ({ ...item, soon: NOT_BUILT_YET.has(item.href) })),
  })).filter((section) => section.items.length > 0);
}
