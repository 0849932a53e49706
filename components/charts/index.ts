// The charts for pages: each loads the chart library lazily (./lazy); the sparkline is plain SVG.
export type { AlertAnnotation, BurnRateTier } from './burn-rate-chart';
export type { CapacityChartPoint } from './capacity-chart';
export {
  BurndownChart,
  BurnRateChart,
  CapacityChart,
  ChartSkeleton,
  SliChart,
  ToilCategoryChart,
  ToilTrendChart,
} from './lazy';
export { Sparkline, type SparklineStatus } from './sparkline';
export type { ToilTrendPoint, ToilTrendSeries } from './toil-trend-chart';
