// OpenSLO v1 (https://github.com/OpenSLO/OpenSLO) as the portal reads and writes it (SPEC 1.2).
import type { SloInput } from '@/lib/validation/slo';

export const OPENSLO_API_VERSION = 'openslo/v1';
/** Largest YAML body the API and the import page accept (SPEC 3). */
export const MAX_OPENSLO_BYTES = 1024 * 1024;

/** Portal-only fields travel in metadata.annotations (OpenSLO: map of string to string). */
export const ANNOTATIONS = {
  source: 'sre-portal.io/source',
  alertMinEvents: 'sre-portal.io/alert-min-events',
  runbookUrl: 'sre-portal.io/runbook-url',
  latencyThresholdMs: 'sre-portal.io/latency-threshold-ms',
  tier: 'sre-portal.io/tier',
} as const;

/** metricSource type the export writes for push SLOs; read back as push without a warning. */
export const PUSH_SOURCE_TYPE = 'SrePortalPush';

/** Field path of an annotation, e.g. metadata.annotations["sre-portal.io/tier"]. */
export const annotationPath = (key: string) => `metadata.annotations["${key}"]`;

export interface FieldError {
  /** OpenSLO field path, e.g. spec.timeWindow[0].duration; "yaml" for syntax errors. */
  field: string;
  message: string;
}

/** An SLO as sloInput accepts it, with the service named by slug (the service layer resolves it). */
export type SloDraft = Omit<SloInput, 'serviceId'> & { serviceSlug: string };

export interface ServiceDraft {
  slug: string;
  name: string;
  description: string;
  /** From sre-portal.io/tier; used only when the service is created. */
  tier?: number;
}

export type ParsedDocument =
  | {
      index: number;
      kind: string;
      name: string;
      ok: true;
      service?: ServiceDraft;
      slos?: SloDraft[];
      warnings: string[];
    }
  | { index: number; kind: string; name: string; ok: false; errors: FieldError[] };

/** Collects every problem of one document (never stops at the first). */
export class Problems {
  readonly errors: FieldError[] = [];
  readonly warnings: string[] = [];

  error(field: string, message: string) {
    if (!this.errors.some((e) => e.field === field && e.message === message))
      this.errors.push({ field, message });
  }

  warn(message: string) {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** True when one of the first `upTo` errors is on `field`, one of its parents or one of its children. */
  covers(field: string, upTo = this.errors.length): boolean {
    return this.errors.slice(0, upTo).some((e) => related(e.field, field));
  }
}

function related(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && (long[short.length] === '.' || long[short.length] === '[');
}

export type YamlMap = Record<string, unknown>;

export function asMap(v: unknown): YamlMap | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as YamlMap) : null;
}

export function asString(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function quote(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}
