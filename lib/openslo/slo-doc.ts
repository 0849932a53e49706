// kind: SLO → one SloDraft per objective, each validated by sloInput so every portal rule applies.
import { slugify } from '@/lib/format';
import { slugSchema } from '@/lib/validation/catalog';
import { type SloInput, sloInput } from '@/lib/validation/slo';
import { mapIndicator } from './indicator';
import { mapBudgetingMethod, mapObjective } from './objective';
import {
  ANNOTATIONS,
  annotationPath,
  asMap,
  asString,
  type Problems,
  quote,
  type SloDraft,
  type YamlMap,
} from './types';
import { mapTimeWindow, WINDOW } from './window';

/** sloInput wants a service id; the service layer replaces it with the id of spec.service. */
const PLACEHOLDER_SERVICE_ID = '00000000-0000-4000-8000-000000000000';

/** metadata.annotations as a map (values are strings in OpenSLO; numbers are tolerated). */
export function readAnnotations(metadata: YamlMap, p: Problems): YamlMap {
  if (metadata.annotations === undefined || metadata.annotations === null) return {};
  const map = asMap(metadata.annotations);
  if (!map) p.error('metadata.annotations', 'A mapping of annotation names to string values');
  return map ?? {};
}

export function mapSlo(doc: YamlMap, p: Problems): SloDraft[] {
  const metadata = asMap(doc.metadata) ?? {};
  const spec = asMap(doc.spec);
  if (!spec) {
    p.error('spec', 'Required: the SLO spec (service, indicator, timeWindow, budgetingMethod, objectives)');
    return [];
  }
  const name = asString(metadata.name) ?? '';
  const displayName = asString(metadata.displayName) ?? name;
  const annotations = readAnnotations(metadata, p);
  const source = annotations[ANNOTATIONS.source];
  if (source !== undefined && source !== 'push' && source !== 'prometheus')
    p.error(annotationPath(ANNOTATIONS.source), `push or prometheus (got ${quote(source)})`);
  const serviceSlug = mapServiceRef(spec.service, p);
  const window = mapTimeWindow(spec, p);
  const method = mapBudgetingMethod(spec, p);
  const indicator = mapIndicator(spec, annotations, p);
  const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
  if (objectives.length === 0) p.error('spec.objectives', 'Required: at least one objective with a target');
  if (Array.isArray(spec.alertPolicies) && spec.alertPolicies.length > 0)
    p.warn('spec.alertPolicies are ignored: the portal alerts on multi-window burn rates (SPEC 2)');
  const drafts: SloDraft[] = [];
  objectives.forEach((raw, i) => {
    const o = asMap(raw);
    if (!o) {
      p.error(`spec.objectives[${i}]`, 'An objective is a mapping with a target');
      return;
    }
    const fields = mapObjective(o, i, method, indicator, p);
    // sloInput repeats some refusals already explained above: keep the explanation.
    const explained = p.errors.length;
    const label = asString(o.displayName);
    const multi = objectives.length > 1;
    const slug = multi ? `${name}-${slugify(label ?? '') || i + 1}` : name;
    const input = {
      serviceId: PLACEHOLDER_SERVICE_ID,
      slug,
      name: multi ? `${displayName} — ${label ?? `objective ${i + 1}`}` : displayName,
      description: asString(spec.description) ?? '',
      sliKind: indicator.sliKind,
      latencyThresholdMs: fields.latencyThresholdMs,
      target: fields.target,
      ...window,
      budgetingMethod: method ?? 'occurrences',
      timesliceTarget: fields.timesliceTarget,
      sourceType: indicator.sourceType,
      goodQuery: indicator.goodQuery,
      totalQuery: indicator.totalQuery,
      badQuery: indicator.badQuery,
      alertMinEvents: annotations[ANNOTATIONS.alertMinEvents] ?? null,
      runbookUrl: annotations[ANNOTATIONS.runbookUrl] ?? null,
    };
    const paths: Record<keyof SloInput, string> = {
      serviceId: 'spec.service',
      slug: multi ? `spec.objectives[${i}].displayName` : 'metadata.name',
      name: multi ? `spec.objectives[${i}].displayName` : 'metadata.displayName',
      description: 'spec.description',
      sliKind: 'spec.indicator',
      latencyThresholdMs: fields.latencyPath,
      target: fields.targetPath,
      windowType: `${WINDOW}.isRolling`,
      windowDays: `${WINDOW}.duration`,
      calendarUnit: `${WINDOW}.duration`,
      timezone: `${WINDOW}.calendar.timeZone`,
      budgetingMethod: 'spec.budgetingMethod',
      timesliceTarget: `spec.objectives[${i}].timeSliceTarget`,
      sourceType: annotationPath(ANNOTATIONS.source),
      goodQuery: indicator.goodPath,
      totalQuery: indicator.totalPath,
      badQuery: indicator.badPath,
      alertMinEvents: annotationPath(ANNOTATIONS.alertMinEvents),
      runbookUrl: annotationPath(ANNOTATIONS.runbookUrl),
    };
    const parsed = sloInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '') as keyof SloInput;
        const field = paths[key] ?? 'spec';
        if (p.covers(field, explained)) continue;
        p.error(field, key === 'slug' ? `SLO slug ${quote(slug)}: ${issue.message}` : issue.message);
      }
      return;
    }
    const { serviceId: _placeholder, ...draft } = parsed.data;
    const twin = drafts.findIndex((d) => d.slug === draft.slug);
    if (twin >= 0) {
      p.error(
        paths.slug,
        `Objectives ${twin + 1} and ${i + 1} both become SLO ${quote(slug)}: give them different displayNames`,
      );
      return;
    }
    drafts.push({ ...draft, serviceSlug: serviceSlug ?? '' });
  });
  return p.errors.length ? [] : drafts;
}

function mapServiceRef(value: unknown, p: Problems): string | null {
  const slug = asString(value);
  if (slug === null) {
    p.error('spec.service', 'Required: the slug of the service this SLO belongs to');
    return null;
  }
  const parsed = slugSchema.safeParse(slug);
  if (parsed.success) return parsed.data;
  p.error('spec.service', `${quote(slug)} is not a service slug: ${parsed.error.issues[0]?.message}`);
  return null;
}
