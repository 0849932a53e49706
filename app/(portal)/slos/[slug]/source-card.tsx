import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { SloSyncState } from '@/db/schema';
import { SyncNowButton } from './sync-now';

const fmt = (d: Date | null | undefined) =>
  d ? `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'never';

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
  queries: { goodQuery: string; totalQuery: string } | null;
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
        <CardDescription>Pulled every minute; the whole window was backfilled on creation.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">Good</dt>
          <dd className="font-mono text-xs break-all">{queries.goodQuery}</dd>
          <dt className="text-muted-foreground">Total</dt>
          <dd className="font-mono text-xs break-all">{queries.totalQuery}</dd>
          <dt className="text-muted-foreground">Last sync</dt>
          <dd>{fmt(state?.lastSuccessAt)}</dd>
          <dt className="text-muted-foreground">Synced until</dt>
          <dd>{fmt(state?.syncedUntil)}</dd>
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
