import { asc, eq, sql } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { recordAudit } from '@/db/platform/audit';
import { parseOrThrow } from '@/db/platform/parse';
import { toilCategories } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { SYSTEM_ACTOR } from '@/lib/audit';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import { categorySlug, DEFAULT_TOIL_CATEGORIES } from '@/lib/toil/categories';
import { toilCategoryInput } from '@/lib/validation/toil';

export type ToilCategoryOption = { id: string; slug: string; name: string; archived: boolean };

/**
 * Every install starts with the SPEC 1.4 categories: inserted the first time
 * toil is used (idempotent by slug), so no migration carries data.
 */
export async function ensureToilCategories(db: DB): Promise<void> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(toilCategories);
  if (n > 0) return;
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(toilCategories)
      .values(
        DEFAULT_TOIL_CATEGORIES.map((c, i) => ({ slug: c.slug, name: c.name, sortOrder: (i + 1) * 10 })),
      )
      .onConflictDoNothing({ target: toilCategories.slug })
      .returning();
    if (rows.length === 0) return;
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'toil.category.defaults',
      entityType: 'toil_category',
      entityId: 'defaults',
      after: rows.map((r) => r.slug),
    });
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

function rethrowSlugTaken(err: unknown, slug: string): never {
  if (isUniqueViolation(err))
    throw new ValidationError('Slug taken', { slug: [`"${slug}" is already used by another category`] });
  throw err;
}

export async function createToilCategory(db: DB, actor: Actor, raw: unknown) {
  const input = parseOrThrow(toilCategoryInput, raw);
  const slug = input.slug ?? categorySlug(input.name);
  if (slug.length < 2) throw new ValidationError('Invalid slug', { slug: ['Give the category a slug'] });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(toilCategories)
      .values({ slug, name: input.name, sortOrder: input.sortOrder })
      .returning()
      .catch((err) => rethrowSlugTaken(err, slug));
    await recordAudit(tx, actor, {
      action: 'toil.category.create',
      entityType: 'toil_category',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/** Renames or reorders; the slug stays so CSV files and bots keep working. */
export async function updateToilCategory(db: DB, actor: Actor, id: string, raw: unknown) {
  const input = parseOrThrow(toilCategoryInput, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(toilCategories).where(eq(toilCategories.id, id));
    if (!before) throw new NotFoundError('Category');
    const [row] = await tx
      .update(toilCategories)
      .set({ name: input.name, sortOrder: input.sortOrder, updatedAt: new Date() })
      .where(eq(toilCategories.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'toil.category.update',
      entityType: 'toil_category',
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** Archived categories leave the entry form; entries and reports keep them. */
export async function setToilCategoryArchived(db: DB, actor: Actor, id: string, archived: boolean) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(toilCategories).where(eq(toilCategories.id, id));
    if (!before) throw new NotFoundError('Category');
    const [row] = await tx
      .update(toilCategories)
      .set({ archived, updatedAt: new Date() })
      .where(eq(toilCategories.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: archived ? 'toil.category.archive' : 'toil.category.restore',
      entityType: 'toil_category',
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
}
