import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { runbooksApi } from '@/db/runbooks/api';
import { listRevisions, runbooksFor, runbooksForAlert, searchRunbooks } from '@/db/runbooks/queries';
import {
  createRunbook,
  deleteRunbook,
  markRunbookReviewed,
  restoreRevision,
  updateRunbook,
} from '@/db/runbooks/runbooks';
import { exportRunbooksZip, importRunbooks } from '@/db/runbooks/transfer';
import { auditLog, runbooks } from '@/db/schema';
import { ConflictError, ValidationError } from '@/lib/errors';
import { markdownFilesOf } from '@/lib/runbooks/archive';
import { describeEachDriver } from '../helpers/db';
import { makeService, testActor } from '../helpers/fixtures';

const base = { serviceId: '', ownerTeamId: '', alertNames: '', reviewIntervalDays: '90' };
const md = (front: string, body = '## Overview\n') => ({
  name: 'x.md',
  bytes: strToU8(`---\n${front}\n---\n${body}`),
});

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

describeEachDriver('runbooks', (ctx) => {
  it('ranks a title match above body matches, with a highlighted snippet', async () => {
    const { db } = ctx();
    await createRunbook(db, testActor, {
      ...base,
      slug: 'body-heavy',
      title: 'Generic queue operations',
      body: 'Rebalance the zookeeper ensemble. Then zookeeper again, zookeeper everywhere: zookeeper zookeeper.',
    });
    await createRunbook(db, testActor, {
      ...base,
      slug: 'title-match',
      title: 'Zookeeper quorum lost',
      body: 'Restore quorum by restarting the followers.',
    });
    await createRunbook(db, testActor, {
      ...base,
      slug: 'unrelated',
      title: 'Disk full',
      body: 'Free space.',
    });
    const hits = await searchRunbooks(db, { q: 'zookeeper' });
    expect(hits.map((h) => h.slug)).toEqual(['title-match', 'body-heavy']);
    expect(hits[1].snippet).toContain('⟦zookeeper⟧');
    // Prefix terms while typing, and stemming.
    expect((await searchRunbooks(db, { q: 'zookee quor' })).map((h) => h.slug)).toEqual(['title-match']);
    expect((await searchRunbooks(db, { q: 'restarts' })).map((h) => h.slug)).toEqual(['title-match']);
    // Operators and quotes are just text.
    expect(await searchRunbooks(db, { q: "')|!:* & <-> zookeeper" })).toHaveLength(2);
  });

  it('filters by service, alert, team and review overdue, and finds runbooks for an alert', async () => {
    const { db } = ctx();
    const svc = await makeService(db);
    const other = await makeService(db);
    const own = await createRunbook(db, testActor, {
      ...base,
      slug: 'svc-burn',
      title: 'Service burn',
      serviceId: svc.id,
      alertNames: 'SLOErrorBudgetBurnPage, HighLatency',
      body: '',
    });
    await createRunbook(db, testActor, {
      ...base,
      slug: 'other-burn',
      title: 'Other burn',
      serviceId: other.id,
      alertNames: 'SLOErrorBudgetBurnPage',
      body: '',
    });
    await createRunbook(db, testActor, {
      ...base,
      slug: 'generic-burn',
      title: 'Any burn',
      alertNames: ['SLOErrorBudgetBurnPage', 'NodeDown'],
      body: '',
    });
    expect((await searchRunbooks(db, { service: svc.slug })).map((r) => r.slug)).toEqual(['svc-burn']);
    expect((await searchRunbooks(db, { alert: 'NodeDown' })).map((r) => r.slug)).toEqual(['generic-burn']);
    expect((await runbooksForAlert(db, 'SLOErrorBudgetBurnPage', svc.slug)).map((r) => r.slug)).toEqual([
      'svc-burn',
    ]);
    expect((await runbooksForAlert(db, 'NodeDown', svc.slug)).map((r) => r.slug)).toEqual(['generic-burn']);
    expect(await runbooksForAlert(db, 'NoSuchAlert')).toEqual([]);
    const linked = await runbooksFor(db, { serviceId: svc.id, alertNames: ['SLOErrorBudgetBurnPage'] });
    expect(linked.map((r) => r.slug)).toEqual(['generic-burn', 'svc-burn']);

    expect((await searchRunbooks(db, { overdue: true })).map((r) => r.slug)).not.toContain('svc-burn');
    await db
      .update(runbooks)
      .set({ createdAt: new Date(Date.now() - 100 * 86_400_000) })
      .where(eq(runbooks.id, own.id));
    expect((await searchRunbooks(db, { overdue: true })).map((r) => r.slug)).toContain('svc-burn');
    const reviewed = await markRunbookReviewed(db, testActor, own.id);
    expect(reviewed.lastReviewedBy).toBe('test');
    expect(reviewed.version).toBe(own.version);
    expect((await searchRunbooks(db, { overdue: true })).map((r) => r.slug)).not.toContain('svc-burn');
  });

  it('refuses a save on a stale version and keeps the other save', async () => {
    const { db } = ctx();
    const rb = await createRunbook(db, testActor, { ...base, slug: 'conflict', title: 'v1', body: 'one' });
    await updateRunbook(db, testActor, rb.id, 1, {
      ...base,
      slug: 'conflict',
      title: 'Alice',
      body: 'alice',
    });
    const err = await rejection(
      updateRunbook(db, testActor, rb.id, 1, { ...base, slug: 'conflict', title: 'Bob', body: 'bob' }),
    );
    expect(err).toBeInstanceOf(ConflictError);
    const [row] = await db.select().from(runbooks).where(eq(runbooks.id, rb.id));
    expect(row).toMatchObject({ title: 'Alice', body: 'alice', version: 2 });
    expect((await listRevisions(db, rb.id)).map((r) => r.version)).toEqual([2, 1]);
  });

  it('restores a revision as a new revision, version-checked and audited', async () => {
    const { db } = ctx();
    const svc = await makeService(db);
    const rb = await createRunbook(db, testActor, {
      ...base,
      slug: 'restore-me',
      title: 'First',
      body: 'kubectl rollout undo',
      serviceId: svc.id,
      alertNames: 'A',
    });
    await updateRunbook(db, testActor, rb.id, 1, {
      ...base,
      slug: 'restore-me',
      title: 'Second',
      body: 'oops',
    });
    const restored = await restoreRevision(db, testActor, rb.id, 1, 2);
    expect(restored).toMatchObject({
      version: 3,
      title: 'First',
      body: 'kubectl rollout undo',
      serviceId: svc.id,
    });
    expect(restored.alertNames).toEqual(['A']);
    const revisions = await listRevisions(db, rb.id);
    expect(revisions.map((r) => [r.version, r.title, r.note])).toEqual([
      [3, 'First', 'Restored version 1'],
      [2, 'Second', ''],
      [1, 'First', ''],
    ]);
    expect(await rejection(restoreRevision(db, testActor, rb.id, 2, 2))).toBeInstanceOf(ConflictError);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, rb.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'runbook.create',
      'runbook.restore',
      'runbook.update',
    ]);
  });

  it('validates input and maps a duplicate slug to the field', async () => {
    const { db } = ctx();
    await createRunbook(db, testActor, { ...base, slug: 'dup', title: 'D', body: '' });
    const dup = await rejection(
      createRunbook(db, testActor, { ...base, slug: 'dup', title: 'D2', body: '' }),
    );
    expect(dup).toBeInstanceOf(ValidationError);
    expect((dup as ValidationError).fieldErrors.slug).toBeDefined();
    const bad = await rejection(
      createRunbook(db, testActor, {
        ...base,
        slug: 'ok-slug',
        title: 'x\u0000',
        alertNames: 'has space ok/slash',
        reviewIntervalDays: '0',
        body: 'a\u0000b',
      }),
    );
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual([
      'alertNames',
      'body',
      'reviewIntervalDays',
      'title',
    ]);
  });

  it('imports atomically with per-file errors, and exports what it imported', async () => {
    const { db } = ctx();
    const svc = await makeService(db);
    const bad = await importRunbooks(db, testActor, [
      md(`title: Good one\nslug: imp-good\nservice: ${svc.slug}\nalerts: [ImpAlert]`),
      md('title: Bad\nslug: imp-bad\nservice: no-such-service'),
      { name: 'notes.txt', bytes: strToU8('hi') },
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.files.map((f) => [f.status, f.errors.length > 0])).toEqual([
      ['created', false],
      ['error', true],
      ['error', true],
    ]);
    expect(await searchRunbooks(db, { alert: 'ImpAlert' })).toEqual([]);

    const zip = zipSync({
      'rb/imp-good.md': strToU8(
        `---\ntitle: Good one\nservice: ${svc.slug}\nalerts: [ImpAlert]\n---\n## Overview\n`,
      ),
      'rb/imp-two.md': strToU8('---\ntitle: Two\nlast_reviewed: 2026-11-01\n---\nbody\n'),
      'rb/readme.txt': strToU8('skipped'),
    });
    const ok = await importRunbooks(db, testActor, [{ name: 'folder.zip', bytes: zip }]);
    expect(ok.files.map((f) => [f.slug, f.status])).toEqual([
      ['imp-good', 'created'],
      ['imp-two', 'created'],
    ]);
    const again = await importRunbooks(db, testActor, [{ name: 'folder.zip', bytes: zip }]);
    expect(again.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);

    const exported = markdownFilesOf([{ name: 'all.zip', bytes: await exportRunbooksZip(db) }]);
    const good = exported.find((f) => f.name === 'all.zip/imp-good.md');
    expect(good?.text).toContain(`service: ${svc.slug}`);
    expect(good?.text).toContain('- ImpAlert');
    const two = exported.find((f) => f.name === 'all.zip/imp-two.md');
    expect(two?.text).toContain('last_reviewed: 2026-11-01T00:00:00.000Z');

    const [row] = await db.select().from(runbooks).where(eq(runbooks.slug, 'imp-good'));
    await deleteRunbook(db, testActor, row.id);
    expect(await listRevisions(db, row.id)).toEqual([]);
  });
});

describeEachDriver('runbook demo seed', (ctx) => {
  it('seeds 15 runbooks once, each answering real alert names, with a history to diff', async () => {
    const { db } = ctx();
    const { seedCatalog } = await import('@/db/seed/catalog');
    const { seedRunbooks } = await import('@/db/seed/runbooks');
    await seedCatalog(db);
    await seedRunbooks(db);
    await seedRunbooks(db);
    const all = await searchRunbooks(db);
    expect(all).toHaveLength(15);
    expect(all.every((r) => r.alertNames.length > 0)).toBe(true);
    expect((await runbooksForAlert(db, 'SLOErrorBudgetBurnPage', 'checkout-api')).map((r) => r.slug)).toEqual(
      ['checkout-error-budget-burn'],
    );
    expect((await searchRunbooks(db, { overdue: true })).length).toBeGreaterThan(0);
    const api = await runbooksApi(
      db,
      new URLSearchParams({ alert: 'SLOErrorBudgetBurnPage', service: 'checkout-api' }),
      'https://sre.example.com/',
    );
    expect(api.runbooks.map((r) => [r.url, r.staleness.state])).toEqual([
      ['https://sre.example.com/runbooks/checkout-error-budget-burn', 'current'],
    ]);
    const bad = await rejection(runbooksApi(db, new URLSearchParams({ alert: 'a b', q: 'x\u0000' }), ''));
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(['alert', 'q']);
    const checkout = all.find((r) => r.slug === 'checkout-error-budget-burn');
    expect((await listRevisions(db, checkout?.id ?? '')).map((r) => r.version)).toEqual([2, 1]);
  });
});
