'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addTimelineEntry, createIncident, setIncidentStatus, setMilestone } from '@/db/incidents/incidents';
import { createPostmortem } from '@/db/incidents/postmortems';
import { declareFromSuggestion, dismissSuggestion, setIncidentMode } from '@/db/incidents/slo-alerts';
import { formObject, guardedAction } from '@/server/actions';

const id = (form: FormData) => String(form.get('id') ?? '');

export const createIncidentAction = guardedAction('engineer', async ({ db, actor }, form) => {
  const incident = await createIncident(db, actor, formObject(form, ['serviceIds', 'sloIds']));
  revalidatePath('/incidents');
  redirect(`/incidents/${incident.id}`);
});

export const setIncidentStatusAction = guardedAction('engineer', async ({ db, actor }, form) => {
  await setIncidentStatus(db, actor, id(form), { status: form.get('status') });
  revalidatePath(`/incidents/${id(form)}`);
  return { message: `Status: ${form.get('status')}` };
});

export const setMilestoneAction = guardedAction('engineer', async ({ db, actor }, form) => {
  await setMilestone(db, actor, id(form), { milestone: form.get('milestone'), at: form.get('at') });
  revalidatePath(`/incidents/${id(form)}`);
  return { message: 'Milestone recorded' };
});

export const addTimelineAction = guardedAction('engineer', async ({ db, actor }, form) => {
  await addTimelineEntry(db, actor, id(form), { text: form.get('text'), kind: form.get('kind') || 'note' });
  revalidatePath(`/incidents/${id(form)}`);
  return { message: 'Added to the timeline' };
});

export const createPostmortemAction = guardedAction('engineer', async ({ db, actor }, form) => {
  const pm = await createPostmortem(db, actor, id(form));
  revalidatePath('/postmortems');
  redirect(`/postmortems/${pm.id}`);
});

export const declareSuggestionAction = guardedAction('engineer', async ({ db, actor }, form) => {
  const incident = await declareFromSuggestion(db, actor, id(form));
  redirect(`/incidents/${incident.id}`);
});

export const dismissSuggestionAction = guardedAction('engineer', async ({ db, actor }, form) => {
  await dismissSuggestion(db, actor, id(form));
  revalidatePath('/slos');
  return { message: 'Dismissed' };
});

export const setIncidentModeAction = guardedAction('admin', async ({ db, actor }, form) => {
  await setIncidentMode(db, actor, id(form), { mode: form.get('mode') });
  return { message: 'Saved' };
});
