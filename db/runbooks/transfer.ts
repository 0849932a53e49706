// Import and export of runbooks as markdown files with front matter (SPEC 1.6).
// An import is atomic: every file is checked first, and one bad file writes nothing.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { runbooks, services, teams } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { markdownFilesOf, zipMarkdown } from '@/lib/runbooks/archive';
import { parseRunbookFile, type RunbookFile, runbookToMarkdown } from '@/lib/runbooks/front-matter';
import { allRunbooksForExport } from './queries';
import { recordRevision } from './runbooks';

export interface ImportFileResult {
  file: string;
  slug?: string;
  title?: string;
  status: 'created' | 'updated' | 'unchanged' | 'error';
  errors: string[];
  warnings: string[];
}

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  files: ImportFileResult[];
}

export async function importRunbooks(
  db: Executor,
  actor: Actor,
  uploads: { name: string; bytes: Uint8Array }[],
  opts: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const texts = markdownFilesOf(uploads);
  if (texts.length === 0)
    return {
      ok: false,
      dryRun: !!opts.dryRun,
      files: [{ file: '(upload)', status: 'error', errors: ['no markdown files found'], warnings: [] }],
    };
  const parsed = texts.map((t) =>
    t.text === null
      ? ({ ok: false, errors: [t.error ?? 'unreadable'] } as const)
      : parseRunbookFile(t.text, t.name),
  );

  const slugs = (key: 'service' | 'team') => [
    ...new Set(parsed.flatMap((p) => (p.ok && p.value[key] ? [p.value[key] as string] : []))),
  ];
  const [svcRows, teamRows] = await Promise.all([
    slugs('service').length
      ? db
          .select({ id: services.id, slug: services.slug })
          .from(services)
          .where(inArray(services.slug, slugs('service')))
      : [],
    slugs('team').length
      ? db
          .select({ id: teams.id, slug: teams.slug })
          .from(teams)
          .where(inArray(teams.slug, slugs('team')))
      : [],
  ]);
  const serviceId = new Map(svcRows.map((r) => [r.slug, r.id]));
  const teamId = new Map(teamRows.map((r) => [r.slug, r.id]));

  const seen = new Map<string, string>();
  const files: ImportFileResult[] = texts.map((t, i) => {
    const p = parsed[i];
    if (!p.ok) return { file: t.name, status: 'error', errors: [...p.errors], warnings: [] };
    const v = p.value;
    const errors: string[] = [];
    if (v.service && !serviceId.has(v.service))
      errors.push(`service: no service "${v.service}" in the catalog`);
    if (v.team && !teamId.has(v.team)) errors.push(`team: no team "${v.team}" in the catalog`);
    const dup = seen.get(v.slug);
    if (dup) errors.push(`slug: "${v.slug}" is also used by ${dup}`);
    seen.set(v.slug, t.name);
    return {
      file: t.name,
      slug: v.slug,
      title: v.title,
      status: errors.length ? 'error' : 'created',
      errors,
      warnings: p.warnings,
    };
  });
  const ok = files.every((f) => f.status !== 'error');
  if (!ok) return { ok, dryRun: !!opts.dryRun, files };

  const values = parsed.map((p) => (p as { value: RunbookFile }).value);
  const existing = await db
    .select()
    .from(runbooks)
    .where(
      inArray(
        runbooks.slug,
        values.map((v) => v.slug),
      ),
    );
  const bySlug = new Map(existing.map((r) => [r.slug, r]));
  const content = (v: RunbookFile) => ({
    title: v.title,
    body: v.body,
    serviceId: v.service ? (serviceId.get(v.service) ?? null) : null,
    ownerTeamId: v.team ? (teamId.get(v.team) ?? null) : null,
    alertNames: v.alerts,
    reviewIntervalDays: v.reviewIntervalDays,
  });
  values.forEach((v, i) => {
    const row = bySlug.get(v.slug);
    if (!row) return;
    const c = content(v);
    const same =
      row.title === c.title &&
      row.body === c.body &&
      row.serviceId === c.serviceId &&
      row.ownerTeamId === c.ownerTeamId &&
      row.reviewIntervalDays === c.reviewIntervalDays &&
      row.alertNames.join('\n') === c.alertNames.join('\n');
    files[i].status = same ? 'unchanged' : 'updated';
  });
  if (opts.dryRun) return { ok, dryRun: true, files };

  await mutate(db, actor, async ({ tx, record }) => {
    for (const [i, v] of values.entries()) {
      const status = files[i].status;
      if (status === 'unchanged') continue;
      const review = v.lastReviewedAt
        ? {
            lastReviewedAt: v.lastReviewedAt,
            lastReviewedBy: v.lastReviewedBy ?? actor.label,
            lastReviewedById: null,
          }
        : {};
      if (status === 'created') {
        const [row] = await tx
          .insert(runbooks)
          .values({ slug: v.slug, ...content(v), ...review, updatedBy: actor.label })
          .returning();
        await recordRevision(tx, row, actor, `Imported from ${files[i].file}`);
        record({
          action: 'runbook.import',
          entityType: 'runbook',
          entityId: row.id,
          after: { slug: row.slug, title: row.title, version: row.version },
        });
      } else {
        const before = bySlug.get(v.slug);
        if (!before) continue;
        const [updated] = await tx
          .update(runbooks)
          .set({
            ...content(v),
            ...review,
            updatedBy: actor.label,
            updatedAt: new Date(),
            version: sql`${runbooks.version} + 1`,
          })
          .where(eq(runbooks.id, before.id))
          .returning();
        const row = ensureVersion(updated, 'runbook');
        await recordRevision(tx, row, actor, `Imported from ${files[i].file}`);
        record({
          action: 'runbook.import',
          entityType: 'runbook',
          entityId: row.id,
          before: { title: before.title, version: before.version },
          after: { title: row.title, version: row.version },
        });
      }
    }
    return { result: null, change: null };
  });
  return { ok, dryRun: false, files };
}

/** Every runbook as `slug.md` with front matter, zipped. */
export async function exportRunbooksZip(db: Executor): Promise<Uint8Array> {
  const rows = await allRunbooksForExport(db);
  return zipMarkdown(
    rows.map(({ runbook: r, serviceSlug, teamSlug }) => ({
      name: `${r.slug}.md`,
      text: runbookToMarkdown({
        slug: r.slug,
        title: r.title,
        service: serviceSlug,
        team: teamSlug,
        alerts: r.alertNames,
        reviewIntervalDays: r.reviewIntervalDays,
        lastReviewedAt: r.lastReviewedAt,
        lastReviewedBy: r.lastReviewedBy,
        body: r.body,
      }),
    })),
  );
}
