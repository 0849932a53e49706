import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { services } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import {
  INCIDENT_STATUSES,
  type IncidentSeverity,
  type IncidentStatus,
  SEVERITIES,
} from '@/lib/incidents/types';
import type { IncidentFilters } from './incidents';

/** Query string → incident filters; a bad value is a 400 naming the parameter. */
export async function incidentFiltersFromQuery(db: Executor, q: URLSearchParams): Promise<IncidentFilters> {
  const errors: Record<string, string[]> = {};
  const f: IncidentFilters = {};
  const status = q.get('status');
  if (status) {
    if (status === 'open' || (INCIDENT_STATUSES as readonly string[]).includes(status))
      f.status = status as IncidentStatus | 'open';
    else errors.status = ['One of open, investigating, identified, monitoring, resolved'];
  }
  const severity = q.get('severity');
  if (severity) {
    if ((SEVERITIES as readonly string[]).includes(severity.toUpperCase()))
      f.severity = severity.toUpperCase() as IncidentSeverity;
    else errors.severity = ['One of SEV1–SEV4'];
  }
  for (const key of ['from', 'to'] as const) {
    const v = q.get(key);
    if (!v) continue;
    const d = new Date(v);
    if (Number.isNaN(d.getTime()) || v.length > 40) errors[key] = ['An ISO date or date-time'];
    else f[key] = d;
  }
  const service = q.get('service');
  if (service) {
    const [row] = await db
      .select({ id: services.id })
      .from(services)
      .where(eq(services.slug, service.slice(0, 100)));
    if (!row) errors.service = [`No service "${service.slice(0, 100)}"`];
    else f.serviceId = row.id;
  }
  if (Object.keys(errors).length)
    throw new ValidationError(`Invalid ${Object.keys(errors).join(', ')}`, errors);
  return f;
}
