import Link from 'next/link';
import { Utc } from '@/components/incidents/badges';
import { getDb } from '@/db';
import { sloIncidentBanner } from '@/db/incidents/slo-alerts';
import { alertTierLabel } from '@/lib/slo/alerts';
import { DeclareButtons } from './slo-banner-client';

/** On an SLO's page: a firing page alert suggests an incident; a stopped one suggests resolving it. */
export async function SloIncidentBanner({ sloId, canEdit }: { sloId: string; canEdit: boolean }) {
  const { suggestions, resolveSuggestions } = await sloIncidentBanner(await getDb(), sloId);
  if (suggestions.length === 0 && resolveSuggestions.length === 0) return null;
  return (
    <div className="mb-6 grid gap-2">
      {suggestions.map((s) => (
        <div
          key={s.id}
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-critical bg-critical/10 p-3 text-sm"
        >
          <span>
            The “{alertTierLabel(s.tier, 'page')}” alert has been burning this SLO's budget since{' '}
            <Utc at={s.firingAt} />. Is this an incident?
          </span>
          {canEdit ? <DeclareButtons id={s.id} /> : null}
        </div>
      ))}
      {resolveSuggestions.map((s) => (
        <div key={s.id} role="status" className="rounded-lg border border-healthy bg-healthy/10 p-3 text-sm">
          The alert stopped firing at <Utc at={s.resolvedAt} />.{' '}
          <Link className="underline" href={`/incidents/${s.incidentId}`}>
            INC-{s.incidentNumber} is still {s.incidentStatus}: resolve it?
          </Link>
        </div>
      ))}
    </div>
  );
}
