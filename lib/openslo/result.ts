// What an import did (or, in a dry run, would do) to each document (SPEC 3: POST /api/v1/openslo).
import type { FieldError } from './types';

export type EntityStatus = 'created' | 'updated' | 'unchanged' | 'would-create' | 'would-update';
export type DocumentStatus = EntityStatus | 'error';

export interface DocumentResult {
  index: number;
  kind: string;
  name: string;
  status: DocumentStatus;
  errors?: FieldError[];
  warnings?: string[];
  /** The SLOs an SLO document became (one per objective). */
  slos?: { slug: string; status: EntityStatus }[];
}

export interface ImportResult {
  dryRun: boolean;
  documents: DocumentResult[];
  /** Documents created (dry run: that would be created). */
  created: number;
  /** Documents updated (dry run: that would be updated). */
  updated: number;
  unchanged: number;
  /** Documents refused; none of their content was written. */
  errors: number;
}

/** A document's status from its parts: all new → created, nothing changed → unchanged, else updated. */
export function documentStatus(parts: EntityStatus[], dryRun: boolean): EntityStatus {
  const fresh = (s: EntityStatus) => s === 'created' || s === 'would-create';
  if (parts.every((s) => s === 'unchanged')) return 'unchanged';
  if (parts.every(fresh)) return dryRun ? 'would-create' : 'created';
  return dryRun ? 'would-update' : 'updated';
}

export function summarize(documents: DocumentResult[], dryRun: boolean): ImportResult {
  const count = (...statuses: DocumentStatus[]) =>
    documents.filter((d) => statuses.includes(d.status)).length;
  return {
    dryRun,
    documents,
    created: count('created', 'would-create'),
    updated: count('updated', 'would-update'),
    unchanged: count('unchanged'),
    errors: count('error'),
  };
}
