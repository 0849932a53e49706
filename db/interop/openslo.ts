// OpenSLO v1 import and export (SPEC 1.2, 3). Each document is written in its own transaction
// through the ordinary services (which audit and join it), so a refused document leaves nothing behind.

import { createService, getServiceBySlug, listServices, updateService } from '@/db/catalog/services';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { createSlo, getSloRow, listSloRows, updateSlo } from '@/db/slo/slos';
import type { Actor } from '@/lib/audit';
import { isDataError } from '@/lib/db-errors';
import { DomainError, ValidationError } from '@/lib/errors';
import {
  type DocumentResult,
  documentStatus,
  draftFromRow,
  type EntityStatus,
  exportOpenSlo,
  type FieldError,
  type ImportResult,
  MAX_OPENSLO_BYTES,
  notOpenSlo,
  type ParsedDocument,
  parseOpenSlo,
  type ServiceDraft,
  type SloDraft,
  sameDraft,
  summarize,
} from '@/lib/openslo';
import { findBadText } from '@/lib/validation/params';

interface Run {
  actor: Actor;
  dryRun: boolean;
  /** An SLO that exists under another service may move to the one the document names. */
  moveSlos: boolean;
  /** Services a dry run would create, so later documents do not report them again. */
  planned: Set<string>;
}

interface Outcome {
  status: EntityStatus;
  slos?: { slug: string; status: EntityStatus }[];
  warnings: string[];
}

export async function importOpenSlo(
  db: Executor,
  actor: Actor,
  text: string,
  opts: { dryRun?: boolean; moveSlos?: boolean } = {},
): Promise<ImportResult> {
  if (Buffer.byteLength(text, 'utf8') > MAX_OPENSLO_BYTES)
    throw new DomainError(`At most ${MAX_OPENSLO_BYTES} bytes of YAML per import; split the file`, 413);
  const parsed = parseOpenSlo(text);
  const problem = notOpenSlo(parsed);
  if (problem) throw new ValidationError(problem, { body: [problem] });
  const run: Run = {
    actor,
    dryRun: Boolean(opts.dryRun),
    moveSlos: Boolean(opts.moveSlos),
    planned: new Set(),
  };
  // Service documents first, so the SLOs of the same import find the services it defines.
  const order = [...parsed].sort((a, b) => Number(b.kind === 'Service') - Number(a.kind === 'Service'));
  const results = new Map<number, DocumentResult>();
  for (const doc of order) results.set(doc.index, await importDocument(db, run, doc));
  return summarize(
    parsed.flatMap((d) => results.get(d.index) ?? []),
    run.dryRun,
  );
}

async function importDocument(db: Executor, run: Run, doc: ParsedDocument): Promise<DocumentResult> {
  const head = { index: doc.index, kind: doc.kind, name: doc.name };
  if (!doc.ok) return { ...head, status: 'error', errors: doc.errors };
  // A NUL or broken UTF-8 in any field refuses this document only, before anything is written.
  const bad = findBadText(doc.service ?? doc.slos, 'document');
  if (bad) {
    const key = /\.([A-Za-z]+)$/.exec(bad.path)?.[1] ?? 'document';
    return { ...head, status: 'error', errors: [{ field: FIELD_OF[key] ?? key, message: bad.message }] };
  }
  const apply = (exec: Executor): Promise<Outcome> =>
    doc.service ? applyService(exec, run, doc.service) : applySlos(exec, run, doc.slos ?? []);
  try {
    // A dry run only reads; a real one writes each document in a transaction of its own, which the
    // services' own mutations join (their audit rows and snapshot hooks commit or roll back with it).
    const outcome = run.dryRun
      ? await apply(db)
      : await mutate(db, run.actor, async ({ tx }) => ({ result: await apply(tx), change: null }));
    const warnings = [...doc.warnings, ...outcome.warnings];
    return {
      ...head,
      status: outcome.status,
      ...(outcome.slos ? { slos: outcome.slos } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  } catch (err) {
    if (isDataError(err))
      return {
        ...head,
        status: 'error',
        errors: [{ field: 'document', message: 'a value is not acceptable (encoding or range)' }],
      };
    if (!(err instanceof DomainError)) throw err;
    return { ...head, status: 'error', errors: errorsOf(err) };
  }
}

async function applyService(exec: Executor, run: Run, s: ServiceDraft): Promise<Outcome> {
  const existing = await getServiceBySlug(exec, s.slug);
  if (!existing) {
    run.planned.add(s.slug);
    if (run.dryRun) return { status: 'would-create', warnings: [] };
    const input = {
      slug: s.slug,
      name: s.name,
      description: s.description,
      tier: s.tier ?? 2,
      ownerTeamId: '',
    };
    await createService(exec, run.actor, input);
    return { status: 'created', warnings: [] };
  }
  if (existing.name === s.name && existing.description === s.description)
    return { status: 'unchanged', warnings: [] };
  if (run.dryRun) return { status: 'would-update', warnings: [] };
  // Only what OpenSLO describes changes; tier, owner team and tags stay as the portal has them.
  await updateService(exec, run.actor, existing.id, existing.version, {
    slug: existing.slug,
    name: s.name,
    description: s.description,
    tier: existing.tier,
    ownerTeamId: existing.ownerTeamId ?? '',
    tags: existing.tags,
  });
  return { status: 'updated', warnings: [] };
}

async function applySlos(exec: Executor, run: Run, drafts: SloDraft[]): Promise<Outcome> {
  const warnings: string[] = [];
  const serviceIds = new Map<string, string | null>();
  const slos: { slug: string; status: EntityStatus }[] = [];
  for (const draft of drafts) {
    if (!serviceIds.has(draft.serviceSlug))
      serviceIds.set(draft.serviceSlug, await serviceFor(exec, run, draft.serviceSlug, warnings));
    const { serviceSlug: _slug, ...fields } = draft;
    // serviceId is null only in a dry run for a service the import would create.
    const input = { ...fields, serviceId: serviceIds.get(draft.serviceSlug) ?? '' };
    const existing = await getSloRow(exec, draft.slug);
    if (existing && existing.serviceSlug !== draft.serviceSlug && !run.moveSlos) {
      // Never moved silently: the same name under another service is most likely another SLO.
      throw new ValidationError('SLO exists under another service', {
        'spec.service': [
          `SLO ${draft.slug} already exists under service ${existing.serviceSlug}: importing it under ${draft.serviceSlug} would move it there (rename it, or import with moveSlos=1 to move it)`,
        ],
      });
    }
    let status: EntityStatus;
    if (!existing) {
      status = run.dryRun ? 'would-create' : 'created';
      if (!run.dryRun) await createSlo(exec, run.actor, input);
    } else if (sameDraft(draftFromRow(existing), draft)) {
      status = 'unchanged';
    } else {
      status = run.dryRun ? 'would-update' : 'updated';
      if (!run.dryRun) await updateSlo(exec, run.actor, existing.id, existing.version, input);
    }
    slos.push({ slug: draft.slug, status });
  }
  return {
    status: documentStatus(
      slos.map((s) => s.status),
      run.dryRun,
    ),
    slos,
    warnings,
  };
}

/** The id of spec.service; a service that does not exist yet is created with its slug as name. */
async function serviceFor(
  exec: Executor,
  run: Run,
  slug: string,
  warnings: string[],
): Promise<string | null> {
  const found = await getServiceBySlug(exec, slug);
  if (found) return found.id;
  if (run.dryRun) {
    if (!run.planned.has(slug))
      warnings.push(`Service ${slug} does not exist: the import will create it with "${slug}" as its name`);
    run.planned.add(slug);
    return null;
  }
  const created = await createService(exec, run.actor, { slug, name: slug, tier: 2, ownerTeamId: '' });
  warnings.push(`Service ${slug} did not exist: created it with "${slug}" as its name`);
  return created.id;
}

const FIELD_OF: Record<string, string> = { slug: 'metadata.name', name: 'metadata.displayName' };

function errorsOf(err: DomainError): FieldError[] {
  if (err instanceof ValidationError && Object.keys(err.fieldErrors).length > 0) {
    return Object.entries(err.fieldErrors).flatMap(([key, messages]) =>
      messages.map((message) => ({ field: FIELD_OF[key] ?? key, message })),
    );
  }
  return [{ field: 'document', message: err.message }];
}

/** Every service that has SLOs, then every SLO, as OpenSLO v1 YAML. */
export async function exportAll(db: Executor): Promise<string> {
  const rows = await listSloRows(db);
  const used = new Set(rows.map((r) => r.serviceSlug));
  const services = (await listServices(db))
    .filter((s) => used.has(s.slug))
    .map((s) => ({ slug: s.slug, name: s.name, description: s.description, tier: s.tier }));
  return exportOpenSlo(services, rows.map(draftFromRow));
}
