import type { Executor, Tx } from '@/db/client';
import { mutationHooks } from '@/db/hooks';
import type { Actor } from '@/lib/audit';
import { ConflictError, isForeignKeyViolation, isUniqueViolation, ValidationError } from '@/lib/errors';
import { recordAudit } from './audit';

// The one path every service verb writes through: a transaction (or the caller's),
// the audit row, optimistic version checks, constraint violations as field errors,
// and the hooks other domains register (e.g. SLO snapshot invalidation).

/** What a verb changed: the audit row and the hooks are derived from it. */
export interface Change {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface MutationHook {
  /** Entity types this hook cares about ('*' for all). */
  entityTypes: readonly string[] | '*';
  /** Runs inside the transaction, after the verb's own writes. */
  inTransaction?: (tx: Tx, change: Change) => Promise<void>;
  /** Runs once the outermost transaction has committed (never on rollback). */
  afterCommit?: (change: Change) => void | Promise<void>;
}

/** A constraint violation as the user sees it: the field's message, and the form's summary (default: the same). */
export interface FieldErrorSpec {
  field: string;
  message: string;
  summary?: string;
}

export interface MutationOptions {
  /** A unique violation becomes this field error (e.g. a slug already used). */
  unique?: FieldErrorSpec | ((constraint: string) => FieldErrorSpec);
  /** A foreign-key or restrict violation becomes this error. */
  foreignKey?: { field?: string; message: string; summary?: string };
}

export interface MutationContext {
  tx: Tx;
  /** Records one more change of this mutation (audit row + hooks); the verb's result is recorded too. */
  record: (change: Change) => void;
}

const pendingAfterCommit = new WeakMap<object, Array<() => void | Promise<void>>>();

/**
 * Runs `work` in a transaction — joining the caller's when `db` already is one of ours —
 * and writes one audit row per recorded change. `work` returns its result and the change
 * it made; a `null` change means nothing was written (no audit row).
 */
export async function mutate<T>(
  db: Executor,
  actor: Actor,
  work: (ctx: MutationContext) => Promise<{ result: T; change: Change | null }>,
  options: MutationOptions = {},
): Promise<T> {
  const outer = pendingAfterCommit.get(db as object);
  const run = async (tx: Tx, queue: Array<() => void | Promise<void>>) => {
    const changes: Change[] = [];
    const { result, change } = await work({ tx, record: (c) => changes.push(c) }).catch((err) => {
      throw mapConstraintError(err, options);
    });
    if (change) changes.push(change);
    for (const c of changes) {
      await recordAudit(tx, actor, c);
      for (const hook of hooksFor(c.entityType)) {
        if (hook.inTransaction) await hook.inTransaction(tx, c);
        if (hook.afterCommit) queue.push(() => hook.afterCommit?.(c));
      }
    }
    return result;
  };
  if (outer) return run(db as Tx, outer);

  const queue: Array<() => void | Promise<void>> = [];
  const result = await db.transaction(async (tx) => {
    pendingAfterCommit.set(tx, queue);
    try {
      return await run(tx, queue);
    } finally {
      pendingAfterCommit.delete(tx);
    }
  });
  for (const fn of queue) {
    try {
      await fn();
    } catch (err) {
      console.error('after-commit hook failed', err);
    }
  }
  return result;
}

/** Optimistic concurrency: an update guarded by `version = expected` that matched no row. */
export function ensureVersion<R>(row: R | undefined, what: string, message?: string): R {
  if (!row)
    throw new ConflictError(
      message ?? `Someone else changed this ${what} since you opened it. Reload to see their changes.`,
    );
  return row;
}

function hooksFor(entityType: string): MutationHook[] {
  return mutationHooks.filter((h) => h.entityTypes === '*' || h.entityTypes.includes(entityType));
}

function mapConstraintError(err: unknown, options: MutationOptions): unknown {
  if (options.unique && isUniqueViolation(err)) {
    const constraint = err as {
      constraint_name?: string;
      cause?: { constraint_name?: string; constraint?: string };
    };
    const name =
      constraint.constraint_name ?? constraint.cause?.constraint_name ?? constraint.cause?.constraint ?? '';
    const { field, message, summary } =
      typeof options.unique === 'function' ? options.unique(name) : options.unique;
    return new ValidationError(summary ?? message, { [field]: [message] });
  }
  if (options.foreignKey && isForeignKeyViolation(err)) {
    const { field, message, summary } = options.foreignKey;
    return new ValidationError(summary ?? message, field ? { [field]: [message] } : {});
  }
  return err;
}
