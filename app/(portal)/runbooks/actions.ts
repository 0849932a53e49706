'use server';

import { revalidatePath } from 'next/cache';
import {
  createRunbook,
  deleteRunbook,
  markRunbookReviewed,
  restoreRevision,
  updateRunbook,
} from '@/db/runbooks/runbooks';
import { type ImportResult, importRunbooks } from '@/db/runbooks/transfer';
import { formObject, guardedAction } from '@/server/actions';

const int = (form: FormData, key: string) => Number(String(form.get(key) ?? ''));

function revalidate(slug?: string) {
  revalidatePath('/runbooks');
  if (slug) revalidatePath(`/runbooks/${slug}`);
}

/** Create (no id) or save an edit made on `version`: a stale version is refused, never overwritten. */
export const saveRunbookAction = guardedAction<{ slug: string; version: number }>(
  'engineer',
  async (ctx, form) => {
    const id = String(form.get('id') ?? '');
    const values = formObject(form);
    const rb = id
      ? await updateRunbook(ctx.db, ctx.actor, id, int(form, 'version'), values)
      : await createRunbook(ctx.db, ctx.actor, values);
    revalidate(rb.slug);
    return {
      message: id ? `Saved ${rb.title} as version ${rb.version}` : `Runbook ${rb.title} created`,
      data: { slug: rb.slug, version: rb.version },
    };
  },
);

export const restoreRevisionAction = guardedAction<{ slug: string; version: number }>(
  'engineer',
  async (ctx, form) => {
    const revision = int(form, 'revision');
    const rb = await restoreRevision(
      ctx.db,
      ctx.actor,
      String(form.get('id') ?? ''),
      revision,
      int(form, 'version'),
    );
    revalidate(rb.slug);
    return {
      message: `Version ${revision} restored as version ${rb.version}`,
      data: { slug: rb.slug, version: rb.version },
    };
  },
);

export const markReviewedAction = guardedAction('engineer', async (ctx, form) => {
  const rb = await markRunbookReviewed(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidate(rb.slug);
  return { message: `${rb.title} marked reviewed` };
});

export const deleteRunbookAction = guardedAction('admin', async (ctx, form) => {
  const rb = await deleteRunbook(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidate();
  return { message: `Runbook ${rb.title} deleted` };
});

/** Several .md files or a .zip; `dryRun` checks every file without writing. All or nothing. */
export const importRunbooksAction = guardedAction<ImportResult>('engineer', async (ctx, form) => {
  const files = form.getAll('files').filter((f): f is File => typeof f === 'object' && 'arrayBuffer' in f);
  const uploads = await Promise.all(
    files
      .filter((f) => f.size > 0)
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const dryRun = form.get('dryRun') === '1';
  const result = await importRunbooks(ctx.db, ctx.actor, uploads, { dryRun });
  if (result.ok && !dryRun) revalidate();
  const bad = result.files.filter((f) => f.status === 'error').length;
  const written = result.files.filter((f) => f.status === 'created' || f.status === 'updated').length;
  const message = !result.ok
    ? `${bad} of ${result.files.length} file(s) have errors: nothing was imported`
    : dryRun
      ? `All ${result.files.length} file(s) are valid: ${written} would change`
      : `Imported ${written} runbook(s); ${result.files.length - written} unchanged`;
  return { message, data: result };
});
