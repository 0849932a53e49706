import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { toilCategories } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { SYSTEM_ACTOR } from '@/lib/audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { categorySlug, DEFAULT_TOIL_CATEGORIES } from '@/lib/toil/categories';
import { toilCategoryInput } from '@/lib/validation/toil';

export type ToilCategoryOption = { id: string; slug: string; name: string; archived: boolean };

/**
 * Every install starts with the SPEC 1.4 categories: inserted once at bootstrap
 * (db/bootstrap.ts; idempotent by slug), so no migration carries data and no request seeds.
 */
export async function ensureToilCategories(db: Executor): Promise<void> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(toilCategories);
  if (n > 0) return;
  await mutate(db, SYSTEM_ACTOR, async ({ tx }) => {
    const rows = await tx
      .insert(toilCategories)
      .values(
        DEFAULT_TOIL_CATEGORIES.map((c, i) => ({ slug: c.slug, name: c.name, sortOrder: (i + 1) * 10 })),
      )
      .onConflictDoNothing({ target: toilCategories.slug })
      .returning();
    if (rows.length === 0) return { result: undefined, change: null };
    const change = { action: 'toil.category.defaults', entityType: 'toil_category', entityId: 'defaults' };
    return { result: undefined, change: { ...change, after: rows.map((r) => r.slug) } };
  });
}

/** Categories in their display order; archived ones only when asked. */
export async function listToilCategories(
  db: Executor,
  opts: { includeArchived?: boolean } = {},
): Promise<ToilCategoryOption[]> {
  return db
    .select({
      id: toilCategories.id,
      slug: toilCategories.slug,
      name: toilCategories.name,
      archived: toilCategories.archived,
    })
    .from(toilCategories)
    .where(opts.includeArchived ? undefined : eq(toilCategories.archived, false))
    .orderBy(asc(toilCategories.sortOrder), asc(toilCategories.name));
}

export async function listToilCategoriesForAdmin(db: Executor) {
  return db.select().from(toilCategories).orderBy(asc(toilCategories.sortOrder), asc(toilCategories.name));
}

const slugTaken = (slug: string) => ({
  field: 'slug',
  message: `"${slug}" is already used by another category`,
  summary: 'Slug taken',
});

export async function createToilCategory(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(toilCategoryInput, raw);
  const slug = input.slug ?? categorySlug(input.name);
  if (slug.length < 2) throw new ValidationError('Invalid slug', { slug: ['Give the category a slug'] });
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [row] = await tx
        .insert(toilCategories)
        .values({ slug, name: input.name, sortOrder: input.sortOrder })
        .returning();
      return {
        result: row,
        change: { action: 'toil.category.create', entityType: 'toil_category', entityId: row.id, after: row },
      };
    },
    { unique: slugTaken(slug) },
  );
}

/** Renames or reorders; the slug stays so CSV files and bots keep working. */
export async function updateToilCategory(db: Executor, actor: Actor, id: string, raw: unknown) {
  const input = parseOrThrow(toilCategoryInput, raw);
  return mutate(db, actor, async ({ tx }) => {
    const [before] = await tx.select().from(toilCategories).where(eq(toilCategories.id, id));
    if (!before) throw new NotFoundError('Category');
    const [row] = await tx
      .update(toilCategories)
      .set({ name: input.name, sortOrder: input.sortOrder, updatedAt: new Date() })
      .where(eq(toilCategories.id, id))
      .returning();
    return {
      result: row,
      change: {
        action: 'toil.category.update',
        entityType: 'toil_category',
        entityId: id,
        before,
        after: row,
      },
    };
  });
}

/** Archived categories leave the entry form; entries and reports keep them. */
export async function setToilCategoryArchived(db: Executor, actor: Actor, id: string, archived: boolean) {
  return mutate(db, actor, async ({ tx }) => {
    const [before] = await tx.select().from(toilCategories).where(eq(toilCategories.id, id));
    if (!before) throw new NotFoundError('Category');
    const [row] = await tx
      .update(toilCategories)
      .set({ archived, updatedAt: new Date() })
      .where(eq(toilCategories.id, id))
      .returning();
    const action = archived ? 'toil.category.archive' : 'toil.category.restore';
    return { result: row, change: { action, entityType: 'toil_category', entityId: id, before, after: row } };
  });
}
