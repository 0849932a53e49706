// SLO display formats now live in the shared `@/lib/format`; this file only keeps
// the old import path working for code written against it. Import from '@/lib/format'.

export {
  formatBudgetLeft,
  formatBurn,
  formatCount,
  formatMinutes,
  formatPercent,
  formatTarget,
  formatTimeToExhaustion as formatDuration,
} from '@/lib/format';
