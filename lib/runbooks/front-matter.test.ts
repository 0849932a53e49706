import { describe, expect, it } from 'vitest';
import { parseRunbookFile, runbookToMarkdown } from './front-matter';

const file = `---
title: Checkout API 5xx spike
service: checkout-api
team: payments
alerts: [SLOErrorBudgetBurnPage, CheckoutHigh5xx]
review_interval_days: 30
last_reviewed: 2026-10-01
---

## Overview

Orders fail.
`;

describe('parseRunbookFile', () => {
  it('reads the front matter and the body, with the slug from the file name', () => {
    const r = parseRunbookFile(file, 'runbooks/checkout-5xx.md');
    expect(r).toEqual({
      ok: true,
      warnings: [],
      value: {
        slug: 'checkout-5xx',
        title: 'Checkout API 5xx spike',
        service: 'checkout-api',
        team: 'payments',
        alerts: ['SLOErrorBudgetBurnPage', 'CheckoutHigh5xx'],
        reviewIntervalDays: 30,
        lastReviewedAt: new Date('2026-10-01T00:00:00Z'),
        lastReviewedBy: null,
        body: '## Overview\n\nOrders fail.\n',
      },
    });
  });

  it('prefers an explicit slug, defaults the interval and accepts alerts as a string', () => {
    const r = parseRunbookFile('---\ntitle: T\nslug: my-rb\nalerts: A, B\n---\nbody', 'x.md');
    expect(r.ok && r.value).toMatchObject({ slug: 'my-rb', alerts: ['A', 'B'], reviewIntervalDays: 90 });
  });

  it('derives the slug from the title when the file name is empty', () => {
    const r = parseRunbookFile('---\ntitle: Disk full on Kafka brokers\n---\n', '.md');
    expect(r.ok && r.value.slug).toBe('disk-full-on-kafka-brokers');
  });

  it('names every invalid field', () => {
    const r = parseRunbookFile(
      '---\nslug: Bad Slug\nalerts: ["ok", "has space"]\nreview_interval_days: 0\nlast_reviewed: yesterday\n---\n',
      'a.md',
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors.join('\n');
    for (const key of ['title', 'slug', 'alerts.1', 'review_interval_days', 'last_reviewed'])
      expect(errors).toContain(`${key}:`);
  });

  it('warns about unknown keys instead of dropping them silently', () => {
    const r = parseRunbookFile('---\ntitle: T\nowner: bob\n---\n', 'a.md');
    expect(r.ok && r.warnings).toEqual(['unknown front matter key "owner" ignored']);
  });

  it('refuses executable front matter, broken YAML, a list, NUL bytes and a future review date', () => {
    const js = parseRunbookFile('---js\n{ title: (globalThis.pwned = 1, "x") }\n---\n', 'a.md');
    expect(js.ok).toBe(false);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(parseRunbookFile('---\ntitle: [unclosed\n---\n', 'a.md').ok).toBe(false);
    expect(parseRunbookFile('---\n- a\n- b\n---\n', 'a.md').ok).toBe(false);
    expect(parseRunbookFile('---\ntitle: T\n---\nbad \u0000 byte', 'a.md').ok).toBe(false);
    const future = parseRunbookFile('---\ntitle: T\nlast_reviewed: 2999-01-01\n---\n', 'a.md');
    expect(!future.ok && future.errors).toEqual(['last_reviewed: cannot be in the future']);
  });

  it('a file without front matter lacks a title', () => {
    const r = parseRunbookFile('# Just markdown', 'plain.md');
    expect(!r.ok && r.errors).toEqual(['title: is required']);
  });

  it('round-trips through runbookToMarkdown', () => {
    const value = {
      slug: 'kafka-lag',
      title: 'Kafka: consumer lag "growing"',
      service: 'events-pipeline',
      team: null,
      alerts: ['KafkaConsumerLagHigh'],
      reviewIntervalDays: 60,
      lastReviewedAt: new Date('2026-11-02T08:30:00.000Z'),
      lastReviewedBy: 'jonas.berg@demo.sre',
      body: '## Overview\n\n```sh\nkubectl get pods\n```\n',
    };
    const md = runbookToMarkdown(value);
    expect(parseRunbookFile(md, 'ignored.md')).toEqual({ ok: true, warnings: [], value });
  });
});
