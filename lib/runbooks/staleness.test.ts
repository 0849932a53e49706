import { describe, expect, it } from 'vitest';
import { prefixTsQuery, snippetParts } from './search';
import { staleness, stalenessLabel } from './staleness';
import { missingSections, runbookTemplate } from './template';

const now = new Date('2026-12-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('staleness', () => {
  it('is due one interval after the last review', () => {
    const s = staleness(
      { lastReviewedAt: at('2026-11-01T10:00:00Z'), createdAt: at('2026-01-01'), reviewIntervalDays: 90 },
      now,
    );
    expect(s).toMatchObject({ state: 'current', daysLeft: 60, neverReviewed: false });
    expect(s.dueAt.toISOString()).toBe('2027-01-30T10:00:00.000Z');
  });

  it('counts from creation when never reviewed, and flags overdue and due soon', () => {
    const never = staleness(
      { lastReviewedAt: null, createdAt: at('2026-08-01T10:00:00Z'), reviewIntervalDays: 30 },
      now,
    );
    expect(never.state).toBe('overdue');
    expect(stalenessLabel(never)).toBe('Review overdue by 92 days');
    const soon = staleness(
      { lastReviewedAt: at('2026-11-10T10:00:00Z'), createdAt: now, reviewIntervalDays: 30 },
      now,
    );
    expect(soon).toMatchObject({ state: 'due-soon', daysLeft: 9 });
  });
});

describe('search terms', () => {
  it('turns words into prefix terms and drops every operator', () => {
    expect(prefixTsQuery('restart kafk')).toBe('restart:* & kafk:*');
    expect(prefixTsQuery("'); drop table runbooks; -- !|&")).toBe('drop:* & table:* & runbooks:*');
    expect(prefixTsQuery('  ')).toBeNull();
  });

  it('splits a highlighted snippet into marked pieces', () => {
    expect(snippetParts('a ⟦kafka⟧ lag <b>')).toEqual([
      { text: 'a ', mark: false },
      { text: 'kafka', mark: true },
      { text: ' lag <b>', mark: false },
    ]);
  });
});

describe('template', () => {
  it('has every section, and names the ones a body lacks', () => {
    expect(missingSections(runbookTemplate())).toEqual([]);
    expect(missingSections('## Overview\n## Mitigation\n')).toEqual([
      'Symptoms',
      'Prerequisites',
      'Investigation',
      'Verification',
      'Escalation',
    ]);
  });
});
