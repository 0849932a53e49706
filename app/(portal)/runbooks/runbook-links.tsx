import { RunbookLinkList } from '@/components/runbooks/runbook-link-list';
import { getDb } from '@/db';
import { runbooksFor } from '@/db/runbooks/queries';

/**
 * The runbooks matching a service and the alerts it can fire, for the SLO, service and
 * incident pages: one import and one line, e.g.
 * `<RunbookLinks serviceId={slo.serviceId} alertNames={['SLOErrorBudgetBurnPage']} />`.
 */
export async function RunbookLinks({
  serviceId,
  serviceSlug,
  alertNames = [],
  className,
}: {
  serviceId?: string | null;
  serviceSlug?: string | null;
  alertNames?: readonly string[];
  className?: string;
}) {
  const rows = await runbooksFor(await getDb(), { serviceId, alertNames: [...alertNames] });
  const params = new URLSearchParams();
  if (serviceSlug) params.set('service', serviceSlug);
  if (alertNames[0]) params.set('alerts', alertNames.join(','));
  return (
    <RunbookLinkList runbooks={rows} newHref={`/runbooks/new?${params.toString()}`} className={className} />
  );
}
