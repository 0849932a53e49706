import { and, asc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { incidentSlos, incidents } from '@/db/schema';

export interface IncidentAnnotation {
  id: string;
  number: number;
  title: string;
  severity: string;
  startedAt: Date;
  resolvedAt: Date | null;
}

/** Incidents that affected an SLO and overlap [from, to): chart annotations and alert history. */
export async function incidentAnnotationsForSlo(
  db: Executor,
  sloId: string,
  from: Date,
  to: Date,
): Promise<IncidentAnnotation[]> {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidentSlos)
    .innerJoin(incidents, eq(incidents.id, incidentSlos.incidentId))
    .where(
      and(
        eq(incidentSlos.sloId, sloId),
        lt(incidents.startedAt, to),
        or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, from)),
      ),
    )
    .orderBy(asc(incidents.startedAt))
    .limit(200);
}
