'use client';

export { type AlertAnnotation, BurnRateChart, type BurnRateTier } from './burn-rate-chart';
export { BurndownChart } from './burndown-chart';
export { SliChart } from './sli-chart';
export { Sparkline, type SparklineStatus } from './sparkline';
