'use server';

import { revalidatePath } from 'next/cache';
import { createActionItem, setActionItemsStatus } from '@/db/incidents/action-items';
import { publishPostmortem, reviewPostmortem, submitForReview } from '@/db/incidents/postmortems';
import { CHECKLIST_KEYS } from '@/lib/incidents/types';
import { formObject, guardedAction } from '@/server/actions';

const id = (form: FormData) => String(form.get('id') ?? '');

export const submitForReviewAction = guardedAction('engineer', async ({ db, actor }, form) => {
  await submitForReview(db, actor, id(form));
  revalidatePath(`/postmortems/${id(form)}`);
  return { message: 'Submitted for review' };
});

export const reviewAction = guardedAction('engineer', async ({ db, actor, user }, form) => {
  const checklist = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, form.get(k) === 'on']));
  await reviewPostmortem(db, actor, user, id(form), {
    decision: form.get('decision'),
    checklist,
    comment: String(form.get('comment') ?? ''),
  });
  revalidatePath(`/postmortems/${id(form)}`);
  return { message: form.get('decision') === 'approved' ? 'Approved' : 'Changes requested' };
});

export const publishAction = guardedAction('engineer', async ({ db, actor, user }, form) => {
  await publishPostmortem(db, actor, user, id(form));
  revalidatePath(`/postmortems/${id(form)}`);
  return { message: 'Published' };
});

export const createActionItemAction = guardedAction('engineer', async ({ db, actor }, form) => {
  await createActionItem(db, actor, id(form), formObject(form));
  revalidatePath(`/postmortems/${id(form)}`);
  revalidatePath('/action-items');
  return { message: 'Action item added' };
});

export const setActionItemStatusAction = guardedAction('engineer', async ({ db, actor }, form) => {
  const n = await setActionItemsStatus(db, actor, {
    ids: form.getAll('ids').map(String),
    status: form.get('status'),
  });
  revalidatePath('/action-items');
  revalidatePath('/postmortems', 'layout');
  return { message: `${n} item${n === 1 ? '' : 's'} updated` };
});
