import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { IncidentAnnotation } from '@/db/incidents/annotations';
import type { alertHistory } from '@/db/slo/alert-history';
import { formatBurn } from '@/lib/format';
import { alertTierLabel } from '@/lib/slo/alerts';

const fmt = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16);

/** The SLO's alert state changes and the incidents that touched it, newest first. */
export function AlertHistory({
  history,
  incidents,
  slug,
}: {
  history: Awaited<ReturnType<typeof alertHistory>>;
  incidents: IncidentAnnotation[];
  slug: string;
}) {
  const historyItems = [
    ...history.map((e) => ({ kind: 'alert' as const, at: e.at, e })),
    ...incidents.map((i) => ({ kind: 'incident' as const, at: i.startedAt, i })),
  ].sort((x, y) => y.at.getTime() - x.at.getTime());
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>Alert history</CardTitle>
        <CardDescription>
          Every change of an alert's state, with both burns, and the incidents that touched this SLO.{' '}
          <code className="text-xs">GET /api/v1/slos/{slug}/alerts?from=&amp;to=</code>
        </CardDescription>
      </CardHeader>
      <CardContent>
        {historyItems.length === 0 ? (
          <p className="text-sm text-muted-foreground">No alert has fired or resolved yet.</p>
        ) : (
          <ul className="divide-y rounded-md border text-sm" data-testid="alert-history">
            {historyItems.map((item) =>
              item.kind === 'incident' ? (
                <li
                  key={`incident-${item.i.id}`}
                  className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge variant="critical">{item.i.severity}</Badge>
                    <Link href={`/incidents/${item.i.id}`} className="hover:underline">
                      INC-{item.i.number} {item.i.title}
                    </Link>
                    <span className="text-muted-foreground">
                      {item.i.resolvedAt ? 'incident, resolved' : 'incident, open'}
                    </span>
                  </span>
                  <span className="text-muted-foreground tabular-nums">{fmt(item.at)} UTC</span>
                </li>
              ) : (
                <li key={item.e.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge
                      variant={
                        item.e.state === 'firing'
                          ? 'depleted'
                          : item.e.state === 'resolved'
                            ? 'healthy'
                            : 'default'
                      }
                    >
                      {item.e.state}
                    </Badge>
                    <span>
                      {alertTierLabel(item.e.tier, item.e.severity)} · {item.e.longWindow}/
                      {item.e.shortWindow} above {formatBurn(item.e.factor)}
                    </span>
                    <span className="text-muted-foreground tabular-nums">
                      long {formatBurn(item.e.longBurn)} · short {formatBurn(item.e.shortBurn)}
                    </span>
                  </span>
                  <span className="text-muted-foreground tabular-nums">{fmt(item.at)} UTC</span>
                </li>
              ),
            )}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
