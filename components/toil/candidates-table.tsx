'use client';

import { Check, Wrench } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { ActionState } from '@/lib/action-state';
import { formatHours, formatPayback } from '@/lib/format';

export interface CandidateRow {
  task: string;
  automatable: string;
  entriesPerMonth: number;
  avgMinutes: number;
  hoursSavedPerMonth: number;
  estimatedAutomationHours: number;
  estimated: boolean;
  paybackMonths: number | null;
  totalMinutes: number;
}

type EstimateAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Automation candidates ranked by payback (SPEC 1.4), each estimate editable in place. */
export function CandidatesTable({
  candidates,
  teamId,
  action,
  canEdit,
  defaultEstimateHours,
}: {
  candidates: CandidateRow[];
  teamId: string;
  action: EstimateAction;
  canEdit: boolean;
  defaultEstimateHours: number;
}) {
  if (candidates.length === 0) {
    return (
      <EmptyState icon={Wrench} title="No automation candidates in this range">
        Tasks appear here once an entry marks them partly or fully automatable.
      </EmptyState>
    );
  }
  return (
    <Table data-testid="candidates">
      <THead>
        <tr>
          <Th>#</Th>
          <Th>Task</Th>
          <Th className="text-right">Per month</Th>
          <Th className="text-right">Avg</Th>
          <Th>Automatable</Th>
          <Th className="text-right">Saves / month</Th>
          <Th>Estimate to automate</Th>
          <Th className="text-right">Payback</Th>
        </tr>
      </THead>
      <TBody>
        {candidates.map((c, i) => (
          <Tr key={c.task}>
            <Td className="text-muted-foreground tabular-nums">{i + 1}</Td>
            <Td className="max-w-72 font-medium">{c.task}</Td>
            <Td className="text-right tabular-nums">{c.entriesPerMonth.toFixed(1)}×</Td>
            <Td className="text-right tabular-nums">{Math.round(c.avgMinutes)}m</Td>
            <Td>
              <Badge variant={c.automatable === 'full' ? 'healthy' : 'warning'}>
                {c.automatable === 'full' ? 'fully' : 'partly'}
              </Badge>
            </Td>
            <Td className="text-right tabular-nums">{formatHours(c.hoursSavedPerMonth * 60)}</Td>
            <Td>
              {canEdit ? (
                <EstimateForm candidate={c} teamId={teamId} action={action} />
              ) : (
                <span className="tabular-nums">{c.estimatedAutomationHours} h</span>
              )}
              {!c.estimated && (
                <span className="mt-0.5 block text-xs text-muted-foreground">
                  default {defaultEstimateHours} h
                </span>
              )}
            </Td>
            <Td className="text-right font-medium tabular-nums">{formatPayback(c.paybackMonths)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function EstimateForm({
  candidate,
  teamId,
  action,
}: {
  candidate: CandidateRow;
  teamId: string;
  action: EstimateAction;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  useActionToast(state, () => router.refresh());
  const error = state?.fieldErrors?.hours?.join('. ');
  return (
    <form action={formAction} className="flex items-center gap-1">
      <input type="hidden" name="task" value={candidate.task} />
      <input type="hidden" name="teamId" value={teamId} />
      <Input
        name="hours"
        type="number"
        min="0.5"
        step="0.5"
        defaultValue={candidate.estimatedAutomationHours}
        aria-label={`Hours to automate ${candidate.task}`}
        aria-invalid={Boolean(error) || undefined}
        title={error}
        className="h-8 w-20 tabular-nums"
      />
      <span className="text-xs text-muted-foreground">h</span>
      <Button
        type="submit"
        size="icon"
        variant="ghost"
        className="size-8"
        disabled={pending}
        aria-label={`Save estimate for ${candidate.task}`}
      >
        <Check aria-hidden />
      </Button>
    </form>
  );
}
