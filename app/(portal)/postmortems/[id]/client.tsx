'use client';

import { useActionState, useRef } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { StatusBadge } from '@/components/incidents/badges';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/input';
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  CHECKLIST_KEYS,
  CHECKLIST_LABELS,
} from '@/lib/incidents/types';
import {
  createActionItemAction,
  publishAction,
  reviewAction,
  setActionItemStatusAction,
  submitForReviewAction,
} from '../actions';

export function ReviewPanel({
  id,
  status,
  canWrite,
  isAuthor,
  approvals,
  reviews,
}: {
  id: string;
  status: string;
  canWrite: boolean;
  isAuthor: boolean;
  approvals: string[];
  reviews: { id: string; reviewer: string; decision: string; comment: string }[];
}) {
  const [submitState, submit] = useActionState(submitForReviewAction, null);
  const [reviewState, review] = useActionState(reviewAction, null);
  const [publishState, publish] = useActionState(publishAction, null);
  useActionToast(submitState);
  useActionToast(reviewState);
  useActionToast(publishState);
  return (
    <section aria-labelledby="review-h" className="grid gap-3 rounded-lg border p-4 text-sm">
      <h2 id="review-h" className="font-semibold">
        Review
      </h2>
      <p>
        Draft → in review → published. Now: <StatusBadge status={status} />
      </p>
      {canWrite && status === 'draft' ? (
        <form action={submit}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton>Submit for review</SubmitButton>
        </form>
      ) : null}
      {canWrite && status === 'in_review' && !isAuthor ? (
        <form action={review} className="grid gap-2">
          <input type="hidden" name="id" value={id} />
          <fieldset className="grid gap-1">
            <legend className="mb-1 font-medium">Review checklist</legend>
            {CHECKLIST_KEYS.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="checkbox" name={k} /> {CHECKLIST_LABELS[k]}
              </label>
            ))}
          </fieldset>
          <Textarea name="comment" aria-label="Review comment" rows={2} placeholder="Comment (optional)" />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="approved">
              Approve
            </Button>
            <Button type="submit" name="decision" value="changes_requested" variant="outline">
              Request changes
            </Button>
          </div>
        </form>
      ) : null}
      {status === 'in_review' && isAuthor ? (
        <p className="text-muted-foreground">Waiting for a reviewer other than you.</p>
      ) : null}
      {canWrite && status === 'in_review' && approvals.length > 0 ? (
        <form action={publish}>
          <input type="hidden" name="id" value={id} />
          <p className="mb-2">Approved by {approvals.join(', ')}.</p>
          <SubmitButton>Publish</SubmitButton>
        </form>
      ) : null}
      {reviews.length ? (
        <ul className="grid gap-1 text-xs text-muted-foreground">
          {reviews.map((r) => (
            <li key={r.id}>
              {r.reviewer}: {r.decision.replace('_', ' ')}
              {r.comment ? ` — ${r.comment}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type Item = {
  id: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  owner: string | null;
  dueDate: string | null;
  overdue: boolean;
  trackerUrl: string | null;
};

export function ActionItemsPanel({
  id,
  canWrite,
  items,
  people,
}: {
  id: string;
  canWrite: boolean;
  items: Item[];
  people: { value: string; label: string }[];
}) {
  const [state, action] = useActionState(createActionItemAction, null);
  const [statusState, statusAction] = useActionState(setActionItemStatusAction, null);
  const form = useRef<HTMLFormElement>(null);
  useActionToast(state, () => form.current?.reset());
  useActionToast(statusState);
  return (
    <section aria-labelledby="items-h" className="grid gap-3 rounded-lg border p-4 text-sm">
      <h2 id="items-h" className="font-semibold">
        Action items
      </h2>
      <ul className="grid gap-2">
        {items.map((i) => (
          <li key={i.id} className="grid gap-1 border-b pb-2" data-testid="action-item">
            <span className="font-medium">
              {i.priority} · {i.title}
            </span>
            <span className="text-xs text-muted-foreground">
              {i.type} · {i.owner ?? 'no owner'} · due {i.dueDate ?? '—'}
              {i.overdue ? <span className="text-critical"> · overdue</span> : null}
              {i.trackerUrl ? (
                <>
                  {' · '}
                  <a className="underline" href={i.trackerUrl} rel="noopener noreferrer">
                    tracker
                  </a>
                </>
              ) : null}
            </span>
            {canWrite ? (
              <form action={statusAction} className="flex gap-1">
                <input type="hidden" name="ids" value={i.id} />
                <Select
                  name="status"
                  defaultValue={i.status}
                  aria-label={`Status of ${i.title}`}
                  className="h-8 w-auto"
                >
                  {ACTION_ITEM_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s.replace('_', ' ')}
                    </option>
                  ))}
                </Select>
                <Button type="submit" variant="outline" size="sm">
                  Set
                </Button>
              </form>
            ) : (
              <StatusBadge status={i.status} />
            )}
          </li>
        ))}
        {items.length === 0 ? <li className="text-muted-foreground">None yet.</li> : null}
      </ul>
      {canWrite ? (
        <form ref={form} action={action} className="grid gap-2">
          <input type="hidden" name="id" value={id} />
          <FormField name="title" label="New action item" state={state}>
            <Input {...fieldProps('title', state)} required maxLength={200} />
          </FormField>
          <div className="grid grid-cols-2 gap-2">
            <FormField name="type" label="Type" state={state}>
              <Select {...fieldProps('type', state, 'prevent')}>
                {ACTION_ITEM_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </Select>
            </FormField>
            <FormField name="priority" label="Priority" state={state}>
              <Select {...fieldProps('priority', state, 'P2')}>
                {ACTION_ITEM_PRIORITIES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </Select>
            </FormField>
            <FormField name="ownerId" label="Owner" state={state}>
              <Select {...fieldProps('ownerId', state)}>
                <option value="">—</option>
                {people.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField name="dueDate" label="Due" state={state}>
              <Input type="date" {...fieldProps('dueDate', state)} />
            </FormField>
          </div>
          <FormField name="trackerUrl" label="Tracker URL" state={state}>
            <Input type="url" {...fieldProps('trackerUrl', state)} placeholder="https://…" />
          </FormField>
          <SubmitButton>Add action item</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
