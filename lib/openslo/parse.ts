// parseOpenSlo: every YAML document of a text → a Service or SLO drafts, or every error it has.
import { parseAllDocuments } from 'yaml';
import { serviceInput } from '@/lib/validation/catalog';
import { warnUnknownFields } from './known-fields';
import { mapSlo, readAnnotations } from './slo-doc';
import {
  ANNOTATIONS,
  annotationPath,
  asMap,
  asString,
  type FieldError,
  OPENSLO_API_VERSION,
  type ParsedDocument,
  Problems,
  quote,
  type ServiceDraft,
  type YamlMap,
} from './types';
import { convertV1alpha } from './v1alpha';

const V1ALPHA = 'openslo/v1alpha';

/** Fields of errors that mean "this is not an OpenSLO document at all" rather than a bad field. */
const NOT_A_DOCUMENT = new Set(['yaml', 'document']);

export function parseOpenSlo(text: string): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  let index = 0;
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    if (doc.errors.length > 0) {
      const errors = doc.errors.map((e) => ({ field: 'yaml', message: e.message.split('\n')[0] }));
      out.push({ index: index++, kind: '', name: '', ok: false, errors });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      out.push({
        index: index++,
        kind: '',
        name: '',
        ok: false,
        errors: [{ field: 'yaml', message: String(err) }],
      });
      continue;
    }
    if (value === null || value === undefined) {
      index++;
      continue; // an empty document (a trailing ---, comments only)
    }
    // A top-level list of objects (as oslo and the OpenSLO Go SDK write): each item is a document.
    for (const item of Array.isArray(value) ? value : [value]) {
      const p = new Problems();
      for (const w of doc.warnings) p.warn(`YAML: ${w.message.split('\n')[0]}`);
      out.push(parseDocument(item, index++, p));
    }
  }
  return rejectDuplicates(out);
}

function parseDocument(value: unknown, index: number, p: Problems): ParsedDocument {
  const original = asMap(value);
  if (original?.apiVersion === V1ALPHA && (original.kind === 'SLO' || original.kind === 'Service')) {
    const parts = convertV1alpha(original, p);
    if (parts.length > 1) return mergeParts(parts, index, p);
    return parseV1(parts[0], index, p);
  }
  return parseV1(value, index, p);
}

/** A v1alpha SLO split per indicator: one document in the result, with every part's SLOs. */
function mergeParts(parts: YamlMap[], index: number, p: Problems): ParsedDocument {
  const kind = 'SLO';
  const results = parts.map((part) => parseV1(part, index, p));
  const name = results.map((r) => r.name).join(', ');
  if (p.errors.length > 0 || results.some((r) => !r.ok))
    return { index, kind, name, ok: false, errors: p.errors };
  const slos = results.flatMap((r) => (r.ok ? (r.slos ?? []) : []));
  return { index, kind, name, ok: true, slos, warnings: p.warnings };
}

function parseV1(value: unknown, index: number, p: Problems): ParsedDocument {
  const doc = asMap(value);
  if (!doc) {
    p.error('document', 'Expected a mapping with apiVersion, kind, metadata and spec');
    return { index, kind: '', name: '', ok: false, errors: p.errors };
  }
  const kind = asString(doc.kind) ?? '';
  const metadata = asMap(doc.metadata);
  const name = asString(metadata?.name) ?? '';
  if (doc.apiVersion !== OPENSLO_API_VERSION) {
    p.error(
      'apiVersion',
      doc.apiVersion === undefined
        ? `Required: ${OPENSLO_API_VERSION}`
        : `${quote(doc.apiVersion)} is not supported: ${OPENSLO_API_VERSION} or ${V1ALPHA}`,
    );
  }
  if (kind !== 'SLO' && kind !== 'Service') {
    p.error(
      'kind',
      kind === 'SLI'
        ? 'kind SLI is not imported on its own: put the indicator inline under spec.indicator of the SLO'
        : `${quote(doc.kind)} is not imported: the portal imports kind Service and kind SLO`,
    );
  }
  if (!name) p.error('metadata.name', 'Required: the name (the slug in the portal)');
  if (p.errors.length > 0) return { index, kind, name, ok: false, errors: p.errors };
  warnUnknownFields(doc, kind, p);
  if (kind === 'Service') {
    const service = mapService(metadata ?? {}, asMap(doc.spec) ?? {}, p);
    if (service) return { index, kind, name, ok: true, service, warnings: p.warnings };
  } else {
    const slos = mapSlo(doc, p);
    if (p.errors.length === 0) return { index, kind, name, ok: true, slos, warnings: p.warnings };
  }
  return { index, kind, name, ok: false, errors: p.errors };
}

function mapService(metadata: YamlMap, spec: YamlMap, p: Problems): ServiceDraft | null {
  const annotations = readAnnotations(metadata, p);
  const tierText = annotations[ANNOTATIONS.tier];
  const tier = tierText === undefined ? undefined : Number(tierText);
  if (tier !== undefined && !(Number.isInteger(tier) && tier >= 0 && tier <= 3))
    p.error(annotationPath(ANNOTATIONS.tier), `A tier from 0 to 3 (got ${quote(tierText)})`);
  const paths: Record<string, string> = {
    slug: 'metadata.name',
    name: 'metadata.displayName',
    description: 'spec.description',
  };
  const slug = asString(metadata.name) ?? '';
  const parsed = serviceInput.safeParse({
    slug,
    name: asString(metadata.displayName) ?? slug,
    description: asString(spec.description) ?? '',
    tier: tier ?? 2,
    ownerTeamId: '',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = paths[String(issue.path[0])] ?? 'metadata';
      p.error(
        field,
        field === 'metadata.name' ? `Service slug ${quote(slug)}: ${issue.message}` : issue.message,
      );
    }
  }
  if (!parsed.success || p.errors.length > 0) return null;
  const { name, description } = parsed.data;
  return { slug: parsed.data.slug, name, description, ...(tier === undefined ? {} : { tier }) };
}

/** The same Service or SLO twice in one import is refused on its second document. */
function rejectDuplicates(docs: ParsedDocument[]): ParsedDocument[] {
  const seen = new Map<string, number>();
  return docs.map((doc) => {
    if (!doc.ok) return doc;
    const keys = doc.service ? [`Service ${doc.service.slug}`] : (doc.slos ?? []).map((s) => `SLO ${s.slug}`);
    const errors: FieldError[] = [];
    for (const key of keys) {
      const first = seen.get(key);
      if (first !== undefined)
        errors.push({
          field: 'metadata.name',
          message: `${key} is already defined by document ${first + 1} of this import: each once per import`,
        });
    }
    if (errors.length > 0) return { index: doc.index, kind: doc.kind, name: doc.name, ok: false, errors };
    for (const key of keys) seen.set(key, doc.index);
    return doc;
  });
}

/** Why a text is not OpenSLO YAML at all (→ 400), or null when it has at least one document to judge. */
export function notOpenSlo(docs: ParsedDocument[]): string | null {
  if (docs.length === 0) return 'No YAML documents found: paste OpenSLO v1 Service and SLO documents';
  const hopeless = docs.every((d) => !d.ok && d.errors.every((e) => NOT_A_DOCUMENT.has(e.field)));
  if (!hopeless) return null;
  const first = docs[0].ok ? '' : (docs[0].errors[0]?.message ?? '');
  return `Not OpenSLO YAML: ${first}`;
}
