import { describe, expect, it } from 'vitest';
import { categorySlug, DEFAULT_TOIL_CATEGORIES, matchCategory } from './categories';

describe('DEFAULT_TOIL_CATEGORIES', () => {
  it('lists the ten SPEC 1.4 categories in order', () => {
    expect(DEFAULT_TOIL_CATEGORIES.map((category) => category.name)).toEqual([
      'Deployments',
      'Scaling',
      'Alert triage',
      'Configuration changes',
      'Certificate rotation',
      'Database maintenance',
      'Access requests',
      'Backup/restore',
      'Data fixes',
      'Incident follow-up',
    ]);
  });

  it('has unique slugs derived from the names', () => {
    const slugs = DEFAULT_TOIL_CATEGORIES.map((category) => category.slug);
    expect(new Set(slugs).size).toBe(10);
    for (const category of DEFAULT_TOIL_CATEGORIES) expect(categorySlug(category.name)).toBe(category.slug);
  });
});

describe('matchCategory', () => {
  it('matches slug or name case-insensitively and returns the slug', () => {
    expect(matchCategory('backup-restore', DEFAULT_TOIL_CATEGORIES)).toBe('backup-restore');
    expect(matchCategory('  BACKUP/RESTORE ', DEFAULT_TOIL_CATEGORIES)).toBe('backup-restore');
    expect(matchCategory('alert triage', DEFAULT_TOIL_CATEGORIES)).toBe('alert-triage');
  });

  it('returns a plain known string as written', () => {
    expect(matchCategory('toil', ['Toil'])).toBe('Toil');
  });

  it('returns null for unknown or empty input', () => {
    expect(matchCategory('coffee', DEFAULT_TOIL_CATEGORIES)).toBeNull();
    expect(matchCategory('', DEFAULT_TOIL_CATEGORIES)).toBeNull();
  });
});
