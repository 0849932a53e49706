import { describe, expect, it } from 'vitest';
import type { Automatable, ToilEntryForRanking } from './aggregates';
import { rankAutomationCandidates } from './aggregates';

function entries(
  task: string,
  count: number,
  minutes: number,
  automatable: Automatable,
  firstDay = 1,
): ToilEntryForRanking[] {
  return Array.from({ length: count }, (_, i) => ({
    task,
    date: new Date(Date.UTC(2024, 0, firstDay + (i % 28))),
    minutes,
    automatable,
  }));
}

// A range of 30.44 days is exactly one average month, so counts are monthly frequencies.
const ONE_MONTH = 30.44;

describe('rankAutomationCandidates', () => {
  const log: ToilEntryForRanking[] = [
    ...entries('Rotate certs', 20, 30, 'full'),
    // 4 restarts at 15 min, latest partial: 4 × 15 ÷ 60 × 0.5 = 0.5 h/month; 2 h default → 4 months.
    ...entries('Restart pods', 3, 15, 'full'),
    { task: '  restart PODS ', date: new Date('2024-01-29T09:00:00Z'), minutes: 15, automatable: 'partial' },
    // Was automatable, latest says none: excluded.
    ...entries('Manual report', 9, 60, 'full'),
    { task: 'manual report', date: new Date('2024-01-30T09:00:00Z'), minutes: 60, automatable: 'none' },
    // 60 + 120 min: avg 90, 2 × 90 ÷ 60 = 3 h/month; 1 h estimate → 1/3 month.
    { task: 'Fix data', date: new Date('2024-01-02T09:00:00Z'), minutes: 60, automatable: 'full' },
    { task: 'Fix data', date: new Date('2024-01-03T09:00:00Z'), minutes: 120, automatable: 'full' },
  ];
  const ranked = rankAutomationCandidates(log, {
    rangeDays: ONE_MONTH,
    estimates: { 'rotate certs': 40, 'FIX DATA': 1 },
    defaultEstimateHours: 2,
  });

  it('ranks by payback, quickest first; ties go to more hours saved', () => {
    expect(ranked.map((candidate) => candidate.task)).toEqual(['Fix data', 'Rotate certs', 'restart PODS']);
  });

  it('computes frequency, average minutes, hours saved and payback per task', () => {
    const [fixData, certs, restarts] = ranked;
    expect(fixData.entriesPerMonth).toBeCloseTo(2, 9);
    expect(fixData.avgMinutes).toBe(90);
    expect(fixData.hoursSavedPerMonth).toBeCloseTo(3, 9);
    expect(fixData.paybackMonths).toBeCloseTo(1 / 3, 9);
    expect(fixData.totalMinutes).toBe(180);

    expect(certs.entriesPerMonth).toBeCloseTo(20, 9);
    expect(certs.hoursSavedPerMonth).toBeCloseTo(10, 9);
    expect(certs.paybackMonths).toBeCloseTo(4, 9);
    expect(certs.estimatedAutomationHours).toBe(40);

    expect(restarts.entryCount).toBe(4);
    expect(restarts.automatable).toBe('partial');
    expect(restarts.hoursSavedPerMonth).toBeCloseTo(0.5, 9);
    expect(restarts.paybackMonths).toBeCloseTo(4, 9);
    expect(restarts.estimatedAutomationHours).toBe(2);
  });

  it('turns counts into a monthly frequency: 30 entries over 91.32 days is 10 a month', () => {
    const [candidate] = rankAutomationCandidates(entries('Resize volume', 30, 12, 'full'), {
      rangeDays: 91.32,
      estimates: {},
      defaultEstimateHours: 8,
    });
    expect(candidate.entriesPerMonth).toBeCloseTo(10, 9);
    // 10 × 12 ÷ 60 = 2 h/month; 8 h → 4 months.
    expect(candidate.hoursSavedPerMonth).toBeCloseTo(2, 9);
    expect(candidate.paybackMonths).toBeCloseTo(4, 9);
  });

  it('treats paybacks equal by hand as a tie despite floating-point noise', () => {
    // Over 91.32 days: 30 × 12 min → 2 h/month, 8 h → 4 months (3.999999999999999 in floats);
    // 45 × 20 min → 5 h/month, 20 h → 4 months. The tie goes to the larger saving.
    const ranked = rankAutomationCandidates(
      [...entries('Resize volume', 30, 12, 'full'), ...entries('Renew tokens', 45, 20, 'full')],
      { rangeDays: 91.32, estimates: { 'resize volume': 8, 'renew tokens': 20 }, defaultEstimateHours: 1 },
    );
    expect(ranked.map((candidate) => candidate.task)).toEqual(['Renew tokens', 'Resize volume']);
  });

  it('uses the latest entry by date, not by position', () => {
    const [candidate] = rankAutomationCandidates(
      [
        { task: 'Purge cache', date: new Date('2024-01-20T00:00:00Z'), minutes: 10, automatable: 'full' },
        { task: 'Purge cache', date: new Date('2024-01-05T00:00:00Z'), minutes: 10, automatable: 'none' },
      ],
      { rangeDays: ONE_MONTH, estimates: {}, defaultEstimateHours: 1 },
    );
    expect(candidate.automatable).toBe('full');
  });

  it('returns nothing for no entries, blank tasks or an empty range', () => {
    const opts = { rangeDays: ONE_MONTH, estimates: {}, defaultEstimateHours: 1 };
    expect(rankAutomationCandidates([], opts)).toEqual([]);
    expect(rankAutomationCandidates(entries('   ', 3, 10, 'full'), opts)).toEqual([]);
    expect(rankAutomationCandidates(entries('Task', 3, 10, 'full'), { ...opts, rangeDays: 0 })).toEqual([]);
  });
});
