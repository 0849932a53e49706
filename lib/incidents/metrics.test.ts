import { describe, expect, it } from 'vitest';
import {
  actionItemOverdue,
  completionByMonth,
  incidentDurations,
  monthlyMttx,
  postmortemOverdue,
} from './metrics';

const t = (s: string) => new Date(`2026-11-${s}Z`);

describe('incident metrics (SPEC 2)', () => {
  it('TTD, TTA, TTM and TTR in minutes from the milestones', () => {
    const d = incidentDurations({
      startedAt: t('10T10:00:00'),
      detectedAt: t('10T10:07:00'),
      acknowledgedAt: t('10T10:10:00'),
      mitigatedAt: t('10T10:40:00'),
      resolvedAt: t('10T11:30:00'),
    });
    expect(d).toEqual({ ttd: 7, tta: 3, ttm: 40, ttr: 90 });
  });

  it('a missing milestone leaves its duration unknown, never zero', () => {
    const d = incidentDurations({
      startedAt: t('10T10:00:00'),
      detectedAt: null,
      acknowledgedAt: t('10T10:10:00'),
      mitigatedAt: null,
      resolvedAt: null,
    });
    expect(d).toEqual({ ttd: null, tta: null, ttm: null, ttr: null });
  });

  it('MTTx is the mean over the incidents resolved in each month', () => {
    const inc = (start: string, ack: number, res: number) => ({
      startedAt: new Date(start),
      detectedAt: new Date(start),
      acknowledgedAt: new Date(new Date(start).getTime() + ack * 60_000),
      mitigatedAt: null,
      resolvedAt: new Date(new Date(start).getTime() + res * 60_000),
    });
    const rows = monthlyMttx(
      [
        inc('2026-11-02T00:00:00Z', 4, 60),
        inc('2026-11-20T00:00:00Z', 10, 180),
        inc('2026-10-31T23:00:00Z', 2, 120), // resolved on 1 November
        inc('2026-10-05T00:00:00Z', 6, 30),
        { ...inc('2026-11-25T00:00:00Z', 1, 1), resolvedAt: null },
      ],
      new Date('2026-11-28T00:00:00Z'),
      2,
    );
    expect(rows.map((r) => r.month)).toEqual(['2026-10', '2026-11']);
    expect(rows[0]).toMatchObject({ incidents: 1, mtta: 6, mttr: 30 });
    expect(rows[1].incidents).toBe(3);
    expect(rows[1].mtta).toBeCloseTo(16 / 3, 9);
    expect(rows[1].mttr).toBe(120);
    expect(rows[1].mttm).toBeNull();
  });

  it('flags SEV1/SEV2 postmortems: no draft after 3 days, unpublished after 5', () => {
    const resolvedAt = new Date('2026-11-01T00:00:00Z');
    const at = (days: number) => new Date(resolvedAt.getTime() + days * 86_400_000);
    expect(postmortemOverdue({ severity: 'SEV1', resolvedAt }, null, at(2.9))).toBeNull();
    expect(postmortemOverdue({ severity: 'SEV1', resolvedAt }, null, at(3.1))).toBe('no-draft');
    expect(postmortemOverdue({ severity: 'SEV2', resolvedAt }, { status: 'in_review' }, at(4.9))).toBeNull();
    expect(postmortemOverdue({ severity: 'SEV2', resolvedAt }, { status: 'draft' }, at(5.1))).toBe(
      'unpublished',
    );
    expect(postmortemOverdue({ severity: 'SEV2', resolvedAt }, { status: 'published' }, at(9))).toBeNull();
    expect(postmortemOverdue({ severity: 'SEV3', resolvedAt }, null, at(30))).toBeNull();
  });

  it('action items: overdue only while open; completion per month of due date', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    expect(actionItemOverdue({ dueDate: '2026-11-09', status: 'open' }, now)).toBe(true);
    expect(actionItemOverdue({ dueDate: '2026-11-10', status: 'open' }, now)).toBe(false);
    expect(actionItemOverdue({ dueDate: '2026-11-01', status: 'done' }, now)).toBe(false);
    expect(
      completionByMonth([
        { dueDate: '2026-10-03', status: 'done' },
        { dueDate: '2026-10-20', status: 'open' },
        { dueDate: '2026-10-21', status: 'wont_do' },
        { dueDate: '2026-11-02', status: 'done' },
        { dueDate: null, status: 'open' },
      ]),
    ).toEqual([
      { month: '2026-10', due: 2, done: 1, rate: 0.5 },
      { month: '2026-11', due: 1, done: 1, rate: 1 },
    ]);
  });
});
