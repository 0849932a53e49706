import { describe, expect, it } from 'vitest';
import { decisionsNeeded, executiveSummary, overallRag, ragOf } from './summary';
import type { SlaReportRow, SloReportRow } from './types';

const sla = (over: Partial<SlaReportRow>): SlaReportRow => ({
  slaId: 'a',
  name: 'Checkout SLA',
  serviceSlug: 'checkout',
  serviceName: 'Checkout',
  target: 0.995,
  attainment: 0.998,
  met: true,
  creditPercent: 0,
  creditTiers: [],
  budgetUsed: 0.3,
  previousAttainment: null,
  changePoints: null,
  rag: 'green',
  sloSlugs: [],
  ...over,
});
const slo = (over: Partial<SloReportRow>): SloReportRow => ({
  sloId: 's',
  slug: 'checkout-availability',
  name: 'Checkout availability',
  serviceName: 'Checkout',
  target: 0.999,
  budgetingMethod: 'occurrences',
  attainment: 0.9995,
  budgetRemaining: 0.5,
  budgetTotal: 100,
  budgetConsumed: 50,
  unit: 'events',
  status: 'healthy',
  correctedMinutes: 0,
  burndown: [],
  ...over,
});
const base = {
  label: 'November 2026',
  closed: true,
  incidents: {
    available: true,
    total: 3,
    bySeverity: { SEV1: 1, SEV3: 2 },
    byService: [],
    trend: [],
    notable: [],
  },
  toil: { cap: 0.5, teams: [{ team: 'Data', toilShare: 0.62, overCap: true }] },
};

describe('executive summary', () => {
  it('says every SLA was met when none breached', () => {
    const text = executiveSummary({ ...base, slas: [sla({}), sla({ slaId: 'b' })], slos: [slo({})] });
    expect(text).toBe(
      'In November 2026 all 2 measured SLAs were met. There were 3 incidents, 1 of them SEV1 or SEV2. Data spent more than 50% of its time on toil.',
    );
  });
  it('names breaches, credits and exhausted budgets', () => {
    const text = executiveSummary({
      ...base,
      closed: false,
      slas: [sla({ met: false, attainment: 0.9871, creditPercent: 25, rag: 'red' }), sla({ slaId: 'b' })],
      slos: [slo({ budgetRemaining: -0.4 })],
      toil: { cap: 0.5, teams: [] },
    });
    expect(text).toBe(
      'So far in November 2026 1 of 2 measured SLAs was breached: Checkout (98.71% against 99.50%). Service credits are owed on Checkout SLA (25 %). 1 SLO exhausted its error budget: Checkout availability. There were 3 incidents, 1 of them SEV1 or SEV2.',
    );
  });
  it('asks for a freeze on exhausted budgets', () => {
    const d = decisionsNeeded({
      ...base,
      slas: [sla({ met: false })],
      slos: [slo({ budgetRemaining: 0.01 })],
    });
    expect(d).toEqual([
      'Confirm the feature freeze on Checkout until "Checkout availability" recovers its error budget.',
      'Agree a reliability plan for Checkout: its SLA "Checkout SLA" was breached.',
      'Fund automation or headcount for Data: toil is above the cap.',
    ]);
  });
  it('colours services red/amber/green/grey', () => {
    expect(ragOf(false, [])).toBe('red');
    expect(ragOf(true, [{ budgetRemaining: 0.2 }])).toBe('amber');
    expect(ragOf(true, [{ budgetRemaining: 0.6 }])).toBe('green');
    expect(ragOf(null, [])).toBe('grey');
    expect(overallRag([{ rag: 'green' }, { rag: 'amber' }])).toBe('amber');
    expect(overallRag([])).toBe('grey');
  });
});
