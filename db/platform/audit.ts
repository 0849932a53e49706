import { and, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/audit';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row. Call it with the transaction of the change it records. */
export async function recordAudit(tx: Executor, actor: Actor, change: AuditChange): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.type === 'system' ? null : actor.id,
    actorLabel: actor.label,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: toJson(change.before),
    after: toJson(change.after),
  });
}

/** Never copied into the audit log: hashes and the data source's credentials. */
const SECRET_KEYS = new Set([
  'passwordHash',
  'tokenHash',
  'password',
  'bearerToken',
  'secret',
  'signingSecret',
]);

function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v)));
}

export interface AuditFilter {
  entityType?: string;
  actor?: string;
  action?: string;
  page?: number;
  pageSize?: number;
}

export async function listAudit(db: Executor, filter: AuditFilter = {}) {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actor) where.push(ilike(auditLog.actorLabel, `%${filter.actor}%`));
  if (filter.action) where.push(ilike(auditLog.action, `%${filter.action}%`));
  const pageSize = filter.pageSize ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, page };
}

export async function auditEntityTypes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ t: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType);
  return rows.map((r) => r.t);
}
