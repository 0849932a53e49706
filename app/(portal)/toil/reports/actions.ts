'use server';

import { revalidatePath } from 'next/cache';
import { setAutomationEstimate } from '@/db/toil/estimates';
import { formObject, guardedAction } from '@/server/actions';

// Estimates are toil planning data: engineers set them, like the entries themselves.
export const setAutomationEstimateAction = guardedAction('engineer', async (ctx, form) => {
  const row = await setAutomationEstimate(ctx.db, ctx.actor, formObject(form));
  revalidatePath('/toil/reports');
  return { message: `Estimate saved: ${row.hours} h to automate` };
});
