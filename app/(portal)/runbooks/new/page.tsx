import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listServices } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { runbookTemplate } from '@/lib/runbooks/template';
import { single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';
import { RunbookEditor } from '../editor';

export const metadata = { title: 'New runbook' };

export default async function NewRunbookPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('engineer');
  const params = single(await searchParams);
  const db = await getDb();
  const [services, teams] = await Promise.all([listServices(db), listTeams(db)]);
  const service = services.find((s) => s.slug === params.service);
  const team = teams.find((t) => t.slug === service?.teamSlug);
  return (
    <>
      <PageHeader
        title="New runbook"
        description="Start from the template: what the on-call needs, in the order they need it."
        crumbs={[{ label: 'Runbooks', href: '/runbooks' }, { label: 'New' }]}
      />
      <RunbookEditor
        services={services}
        teams={teams}
        runbook={{
          slug: '',
          title: '',
          serviceId: service?.id ?? null,
          ownerTeamId: team?.id ?? null,
          alertNames: (params.alerts ?? '')
            .split(',')
            .map((a) => a.trim())
            .filter((a) => /^[A-Za-z_][\w:.-]{0,127}$/.test(a)),
          reviewIntervalDays: 90,
          body: runbookTemplate(),
        }}
      />
    </>
  );
}
