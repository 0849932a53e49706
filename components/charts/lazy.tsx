'use client';

// The charts as pages use them: the chart library (Recharts) is a chunk of its own, fetched
// only once the page has hydrated, so a page's numbers arrive first and a page without a chart
// never downloads it. Until the chunk arrives each chart holds its exact height with a skeleton
// (no layout shift); the server renders the skeleton too.
import {
  type ComponentProps,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  Suspense,
  useSyncExternalStore,
} from 'react';
import type { BurnRatePlot } from './burn-rate-chart';
import { BurnRateLegend } from './burn-rate-legend';
import type { BurndownChart as BurndownChartImpl } from './burndown-chart';
import type { CapacityChart as CapacityChartImpl } from './capacity-chart';
import type { SliChart as SliChartImpl } from './sli-chart';
import type { ToilCategoryChart as ToilCategoryChartImpl } from './toil-category-chart';
import type { ToilTrendChart as ToilTrendChartImpl } from './toil-trend-chart';

const noSubscribe = () => () => {};

/** False on the server and during hydration, true once the page is interactive. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

export function ChartSkeleton({ height }: { height: number }) {
  return (
    <div
      role="img"
      aria-label="Chart loading"
      aria-busy="true"
      data-testid="chart-skeleton"
      style={{ height }}
      className="w-full animate-pulse rounded-md bg-muted/60"
    />
  );
}

function Deferred<P extends object>({
  Chart,
  height,
  props,
}: {
  Chart: LazyExoticComponent<ComponentType<P>>;
  height: number;
  props: P;
}) {
  const hydrated = useHydrated();
  const skeleton = <ChartSkeleton height={height} />;
  if (!hydrated) return skeleton;
  return (
    <Suspense fallback={skeleton}>
      <Chart {...props} />
    </Suspense>
  );
}

const LazySli = lazy(() => import('./sli-chart').then((m) => ({ default: m.SliChart })));
const LazyBurndown = lazy(() => import('./burndown-chart').then((m) => ({ default: m.BurndownChart })));
const LazyBurnRate = lazy(() => import('./burn-rate-chart').then((m) => ({ default: m.BurnRatePlot })));
const LazyCapacity = lazy(() => import('./capacity-chart').then((m) => ({ default: m.CapacityChart })));
const LazyToilTrend = lazy(() => import('./toil-trend-chart').then((m) => ({ default: m.ToilTrendChart })));
const LazyToilCategory = lazy(() =>
  import('./toil-category-chart').then((m) => ({ default: m.ToilCategoryChart })),
);

export function SliChart(props: ComponentProps<typeof SliChartImpl>) {
  return <Deferred Chart={LazySli} height={props.height ?? 240} props={props} />;
}

export function BurndownChart(props: ComponentProps<typeof BurndownChartImpl>) {
  return <Deferred Chart={LazyBurndown} height={props.height ?? 240} props={props} />;
}

export function CapacityChart(props: ComponentProps<typeof CapacityChartImpl>) {
  return <Deferred Chart={LazyCapacity} height={props.height ?? 320} props={props} />;
}

export function ToilTrendChart(props: ComponentProps<typeof ToilTrendChartImpl>) {
  return <Deferred Chart={LazyToilTrend} height={props.height ?? 260} props={props} />;
}

export function ToilCategoryChart(props: ComponentProps<typeof ToilCategoryChartImpl>) {
  const bars = props.categories.filter((c) => c.minutes > 0).length;
  return <Deferred Chart={LazyToilCategory} height={Math.max(120, bars * 30 + 30)} props={props} />;
}

/** The plot loads lazily; its tier legend is plain markup, drawn with the page. */
export function BurnRateChart(props: ComponentProps<typeof BurnRatePlot>) {
  return (
    <div>
      <Deferred Chart={LazyBurnRate} height={props.height ?? 260} props={props} />
      <BurnRateLegend points={props.points} tiers={props.tiers} />
    </div>
  );
}
