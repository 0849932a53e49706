'use client';

import { useMemo, useState } from 'react';
import { CapacityChart, type CapacityChartPoint } from '@/components/charts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { Exhaustion } from '@/lib/capacity/analysis';
import type { BacktestScore } from '@/lib/capacity/backtest';
import { formatDay, formatDaysLeft, formatDemand, formatError } from '@/lib/capacity/format';
import type { ScenarioResult } from '@/lib/capacity/plan';
import type { ModelKind } from '@/lib/capacity/types';
import { ImportSamples } from './import-form';
import { Scenarios } from './scenarios';

export interface DetailModel {
  kind: ModelKind;
  label: string;
  describe: string;
  score: BacktestScore | null;
  exhaustion: Exhaustion;
  exhaustionUpper: Exhaustion;
  required: Array<{ days: number; instances: number }>;
  scenarios: Array<ScenarioResult & { id: string }>;
  points: Array<{ t: number; mean: number; lower: number; upper: number }>;
}

function Tile({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Card className="min-w-0">
      <CardContent className="grid min-w-0 gap-1 p-4 break-words">
        <span className="text-xs text-muted-foreground">{label}</span>
        <span className="text-lg font-semibold tabular-nums" data-testid={testId}>
          {value}
        </span>
        {hint && <span className="text-xs text-muted-foreground">{hint}</span>}
      </CardContent>
    </Card>
  );
}

export function ResourceDetail(props: {
  slug: string;
  unit: string;
  capacity: number;
  usable: number;
  current: number | null;
  lastDay: string | null;
  history: Array<{ t: number; value: number }>;
  models: DetailModel[];
  defaultModel: ModelKind | null;
  backtest: { holdoutDays: number; metric: 'mape' | 'rmse' } | null;
  canEdit: boolean;
  promQuery: string | null;
  promSyncError: string | null;
}) {
  const { unit, models, backtest } = props;
  const [kind, setKind] = useState<ModelKind | null>(props.defaultModel);
  const model = models.find((m) => m.kind === kind) ?? models[0] ?? null;
  const chartPoints = useMemo(() => {
    const points: CapacityChartPoint[] = props.history.map((h) => ({ t: h.t, demand: h.value }));
    const last = points[points.length - 1];
    // The forecast starts at the last observation so the two lines join.
    if (model && last) Object.assign(last, { forecast: last.demand, band: [last.demand, last.demand] });
    for (const p of model?.points ?? []) points.push({ t: p.t, forecast: p.mean, band: [p.lower, p.upper] });
    return points;
  }, [props.history, model]);
  const exhaustionT = model?.exhaustion.date ? Date.parse(model.exhaustion.date) : null;
  const chartEnd = chartPoints[chartPoints.length - 1]?.t ?? 0;

  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Tile
          label="Peak demand"
          value={formatDemand(props.current, unit)}
          hint={props.lastDay ? `on ${formatDay(props.lastDay)}` : 'no samples yet'}
        />
        <Tile
          label="Usable at target"
          value={formatDemand(props.usable, unit)}
          hint={`of ${formatDemand(props.capacity, unit)} capacity`}
        />
        <Tile
          label="Runs out"
          testId="runs-out"
          value={model ? formatDaysLeft(model.exhaustion.days) : '—'}
          hint={model ? `pessimistic ${formatDaysLeft(model.exhaustionUpper.days)}` : undefined}
        />
        <Tile
          label="Order by"
          value={model ? formatDay(model.exhaustionUpper.orderBy) : '—'}
          hint={
            model?.exhaustion.orderBy ? `at the forecast: ${formatDay(model.exhaustion.orderBy)}` : undefined
          }
        />
        <Tile
          label="Instances needed (N+k)"
          testId="required-instances"
          value={model ? model.required.map((r) => r.instances).join(' / ') : '—'}
          hint="in 30 / 60 / 90 days"
        />
      </div>

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <CardTitle>Demand and forecast</CardTitle>
          {models.length > 0 && (
            <div role="radiogroup" aria-label="Forecast model" className="flex flex-wrap gap-1">
              {models.map((m) => (
                <Button
                  key={m.kind}
                  type="button"
                  size="sm"
                  role="radio"
                  aria-checked={m.kind === model?.kind}
                  variant={m.kind === model?.kind ? 'default' : 'outline'}
                  onClick={() => setKind(m.kind)}
                >
                  {m.label}
                </Button>
              ))}
            </div>
          )}
        </CardHeader>
        <CardContent>
          <CapacityChart
            points={chartPoints}
            capacity={props.capacity}
            target={props.usable}
            exhaustion={exhaustionT !== null && exhaustionT <= chartEnd ? exhaustionT : null}
            unit={unit}
            modelLabel={model?.label ?? 'no model'}
          />
          {models.length === 0 && (
            <p className="mt-3 text-sm text-muted-foreground">
              A forecast needs at least three days of peaks (three weeks for the weekly model).
            </p>
          )}
        </CardContent>
      </Card>

      {models.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>Models</CardTitle>
            <p className="text-sm text-muted-foreground">
              Each model is fitted on the history before the last {backtest?.holdoutDays ?? '—'} days and
              scored on them; the lowest {backtest?.metric === 'rmse' ? 'RMSE' : 'MAPE'} is the default.
            </p>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <Table>
              <THead>
                <tr>
                  <Th>Model</Th>
                  <Th>Fit</Th>
                  <Th className="text-right">Backtest error</Th>
                  <Th>Runs out</Th>
                  <Th className="text-right">Instances in 90 d</Th>
                </tr>
              </THead>
              <TBody>
                {models.map((m) => (
                  <Tr key={m.kind} data-testid={`model-row-${m.kind}`}>
                    <Td className="whitespace-nowrap">
                      {m.label}{' '}
                      {m.kind === props.defaultModel && <Badge variant="primary">best backtest</Badge>}
                    </Td>
                    <Td className="text-muted-foreground">{m.describe}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {m.score && backtest ? (
                        <>
                          {formatError(backtest.metric, m.score.mape, m.score.rmse, unit)}
                          <div className="text-xs text-muted-foreground">
                            {formatError(
                              backtest.metric === 'mape' ? 'rmse' : 'mape',
                              m.score.mape,
                              m.score.rmse,
                              unit,
                            )}
                          </div>
                        </>
                      ) : (
                        'not scored'
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{formatDaysLeft(m.exhaustion.days)}</Td>
                    <Td className="text-right tabular-nums">{m.required[2].instances}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <Scenarios slug={props.slug} unit={unit} model={model} canEdit={props.canEdit} />
      {props.canEdit && (
        <ImportSamples slug={props.slug} promQuery={props.promQuery} promSyncError={props.promSyncError} />
      )}
    </div>
  );
}
