import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { SloSyncState } from '@/db/schema';
import { SyncNowButton } from './sync-now';

const fmt = (d: Date | null | undefined) =>
  d ? `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'never';

/** How old the newest synced minute is: the SLO's numbers are evaluated there. */
function age(until: Date, now: number): string {
  const minutes = Math.max(0, Math.round((now - until.getTime()) / 60_000));
  if (minutes < 2) return 'up to date';
  if (minutes < 120) return `${minutes} min behind`;
  if (minutes < 2880) return `${Math.round(minutes / 60)} h behind`;
  return `${Math.round(minutes / 1440)} days behind`;
}

/** Where the SLI comes from: Prometheus sync status, or how to push samples. */
export function SourceCard({
  slug,
  sourceType,
  queries,
  state,
  canSync,
}: {
  slug: string;
  sourceType: string;
  queries: { goodQuery: string; totalQuery: string; badQuery?: string | null } | null;
  state: SloSyncState | null;
  canSync: boolean;
}) {
  if (sourceType !== 'prometheus' || !queries) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>SLI source: push</CardTitle>
          <CardDescription>Samples arrive through the API with an sli:write token.</CardDescription>
        </CardHeader>
        <CardContent>
          <pre className="overflow-x-auto rounded bg-muted p-3 text-xs">{`curl -X POST -H "Authorization: Bearer $TOKEN" \\
  -d '{"samples":[{"ts":"2026-11-01T10:05:00Z","good":990,"total":1000}]}' \\
  /api/v1/slos/${slug}/samples`}</pre>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card data-testid="sync-card">
      <CardHeader>
        <CardTitle>SLI source: Prometheus</CardTitle>
        <CardDescription>
          Pulled every minute from the raw samples; backfilled on creation. Every number on this page is
          evaluated at the last synced minute.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">{queries.badQuery ? 'Bad' : 'Good'}</dt>
          <dd className="font-mono text-xs break-all">{queries.badQuery || queries.goodQuery}</dd>
          <dt className="text-muted-foreground">Total</dt>
          <dd className="font-mono text-xs break-all">{queries.totalQuery}</dd>
          <dt className="text-muted-foreground">Last sync</dt>
          <dd>{fmt(state?.lastSuccessAt)}</dd>
          <dt className="text-muted-foreground">Numbers as of</dt>
          <dd data-testid="synced-until">
            {fmt(state?.syncedUntil)}
            {state?.syncedUntil && (
              <span className="text-muted-foreground"> ({age(state.syncedUntil, Date.now())})</span>
            )}
          </dd>
        </dl>
        {state?.lastError && (
          <p className="rounded-md bg-destructive/10 px-3 py-2 text-destructive" role="alert">
            Sync error ({state.failures}× in a row, next try {fmt(state.nextAttemptAt)}): {state.lastError}
          </p>
        )}
        {state?.lastWarning && <p className="rounded-md bg-warning/15 px-3 py-2">{state.lastWarning}</p>}
        <div className="flex gap-2">
          {canSync && <SyncNowButton slug={slug} />}
          <Button asChild variant="outline" size="sm">
            <a href={`/api/ui/slos/${slug}/rules`} download>
              <Download aria-hidden /> Prometheus rules
            </a>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
