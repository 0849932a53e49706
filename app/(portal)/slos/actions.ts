'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { getDataSource, syncSlo } from '@/db/interop/prometheus-sync';
import { recordDatabaseFailure } from '@/db/platform/circuit';
import { type BudgetPreview, previewBudget } from '@/db/slo/preview';
import { createSlo, getSloRow, updateSlo } from '@/db/slo/slos';
import { isConnectionError, isTimeoutError } from '@/lib/db-errors';
import { DomainError, ValidationError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/params';
import { sloFormToInput, validateSloForm } from '@/lib/validation/slo-form';
import { formObject, guardedAction } from '@/server/actions';
import { requireUser } from '@/server/guard';

/** The form's labels, so a failed save names the fields the way the form shows them. */
const FIELD_LABELS: Record<string, string> = {
  serviceId: 'Service',
  name: 'Name',
  slug: 'Slug',
  description: 'Description',
  sliKind: 'SLI',
  latencyThresholdMs: 'Threshold',
  target: 'Target',
  window: 'Window',
  timezone: 'Time zone',
  budgetingMethod: 'Budgeting method',
  timesliceTarget: 'Per-minute target',
  alertMinEvents: 'Minimum events for alerts',
  runbookUrl: 'Runbook URL',
  sourceType: 'SLI source',
  goodQuery: 'Good events counter',
  totalQuery: 'All events counter',
};

function validated(form: FormData) {
  const values = formObject(form);
  const result = validateSloForm(values);
  if (!result.ok) {
    const fields = Object.keys(result.fieldErrors).map((k) => FIELD_LABELS[k] ?? k);
    throw new ValidationError(`Check ${fields.join(', ')}`, result.fieldErrors);
  }
  return sloFormToInput(values);
}

export const createSloAction = guardedAction<{ slug: string }>('engineer', async (ctx, form) => {
  const db = ctx.db;
  const slo = await createSlo(db, ctx.actor, validated(form));
  if (slo.sourceType === 'prometheus') void backfill(ctx.db, slo.slug);
  revalidatePath('/slos');
  return { message: `SLO ${slo.name} created`, data: { slug: slo.slug } };
});

export const updateSloAction = guardedAction<{ slug: string }>('engineer', async (ctx, form) => {
  const slo = await updateSlo(
    ctx.db,
    ctx.actor,
    String(form.get('id') ?? ''),
    Number(form.get('version')),
    validated(form),
  );
  revalidatePath('/slos');
  revalidatePath(`/slos/${slo.slug}`);
  return { message: `SLO ${slo.name} saved`, data: { slug: slo.slug } };
});

/** A new Prometheus-sourced SLO backfills its window right away instead of waiting for the next round. */
async function backfill(db: DB, slug: string) {
  const [row, ds] = await Promise.all([getSloRow(db, slug), getDataSource(db)]);
  if (row && ds) await syncSlo(db, row, ds).catch((err) => console.error('backfill failed', err));
}

/** Live preview for the form: the budget this definition would have over its last window. */
export async function previewBudgetAction(
  sloId: string | null,
  values: Record<string, string>,
): Promise<BudgetPreview | { error: string }> {
  // A public endpoint like every action: every failure is an answer, never a 500.
  try {
    await requireUser('viewer');
    if (sloId !== null && !isUuid(sloId)) return { error: 'sloId: must be a valid id (UUID)' };
    if (typeof values !== 'object' || values === null)
      return { error: 'Fix the highlighted fields to see a preview.' };
    const result = validateSloForm(values);
    if (!result.ok) return { error: 'Fix the highlighted fields to see a preview.' };
    if (!sloId)
      return {
        error:
          'No samples yet: a new push SLO has no history. The preview appears when you edit it after data arrives.',
      };
    return await previewBudget(await getDb(), sloId, result.value);
  } catch (err) {
    if (isConnectionError(err) || isTimeoutError(err)) {
      recordDatabaseFailure();
      return { error: 'The database is unavailable; the preview returns when it is back.' };
    }
    if (err instanceof DomainError) return { error: err.message };
    console.error('budget preview failed', err);
    return { error: 'The preview is unavailable right now.' };
  }
}
