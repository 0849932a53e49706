'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setAutomationEstimate } from '@/db/services/toil-estimates';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';

// Estimates are toil planning data: engineers set them, like the entries themselves.
export const setAutomationEstimateAction = guardedAction('engineer', async (user, form) => {
  const row = await setAutomationEstimate(await getDb(), actorOf(user), formObject(form));
  revalidatePath('/toil/reports');
  return { message: `Estimate saved: ${row.hours} h to automate` };
});
