'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { StatusBadge } from '@/components/incidents/badges';
import { Select } from '@/components/ui/input';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { ACTION_ITEM_STATUSES } from '@/lib/incidents/types';
import { setActionItemStatusAction } from '../postmortems/actions';

interface Item {
  id: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  owner: string | null;
  team: string | null;
  dueDate: string | null;
  overdue: boolean;
  trackerUrl: string | null;
  postmortemId: string;
  incidentNumber: number;
}

export function ActionItemsTable({ items, canWrite }: { items: Item[]; canWrite: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, action] = useActionState(setActionItemStatusAction, null);
  useActionToast(state, () => setSelected(new Set()));
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <form action={action}>
      {canWrite ? (
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span>{selected.size} selected</span>
          {[...selected].map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <Select name="status" aria-label="New status" className="h-8 w-auto">
            {ACTION_ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </Select>
          <SubmitButton>Set status</SubmitButton>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <Table>
          <THead>
            <Tr>
              {canWrite ? (
                <Th>
                  <input
                    type="checkbox"
                    aria-label="Select all"
                    checked={selected.size === items.length && items.length > 0}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())
                    }
                  />
                </Th>
              ) : null}
              <Th>Action item</Th>
              <Th>Priority</Th>
              <Th>Status</Th>
              <Th className="hidden sm:table-cell">Owner</Th>
              <Th>Due</Th>
              <Th className="hidden md:table-cell">Type</Th>
              <Th className="hidden md:table-cell">From</Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((i) => (
              <Tr key={i.id}>
                {canWrite ? (
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${i.title}`}
                      checked={selected.has(i.id)}
                      onChange={() => toggle(i.id)}
                    />
                  </Td>
                ) : null}
                <Td>
                  {i.title}
                  {i.trackerUrl ? (
                    <a className="ml-1 text-xs underline" href={i.trackerUrl} rel="noopener noreferrer">
                      tracker
                    </a>
                  ) : null}
                </Td>
                <Td>{i.priority}</Td>
                <Td>
                  <StatusBadge status={i.status} />
                </Td>
                <Td className="hidden sm:table-cell">
                  {i.owner ?? '—'}
                  {i.team ? <span className="text-xs text-muted-foreground"> ({i.team})</span> : null}
                </Td>
                <Td
                  className={i.overdue ? 'whitespace-nowrap font-medium text-critical' : 'whitespace-nowrap'}
                >
                  {i.dueDate ?? '—'}
                  {i.overdue ? ' · overdue' : ''}
                </Td>
                <Td className="hidden md:table-cell">{i.type}</Td>
                <Td className="hidden md:table-cell">
                  <Link className="underline" href={`/postmortems/${i.postmortemId}`}>
                    INC-{i.incidentNumber}
                  </Link>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </form>
  );
}
