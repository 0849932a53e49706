import { Download, Plus, Upload } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { listServices } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { loadOverview } from '@/db/slo/api';
import { hasRole } from '@/lib/auth/roles';
import { single } from '@/lib/search-params';
import { pageContext } from '@/server/guard';
import { SloOverview } from './client';
import { parseOverviewQuery } from './search-params';

export const metadata = { title: 'SLOs' };

export default async function SlosPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, user } = await pageContext();
  const params = single(await searchParams);
  const [initial, services, teams] = await Promise.all([
    loadOverview(db, parseOverviewQuery(params)),
    listServices(db),
    listTeams(db),
  ]);
  return (
    <>
      <PageHeader
        title="Service level objectives"
        description="Every SLO with its error budget, burn rates and alerts. Firing alerts first, then least budget left; refreshes every 30 seconds."
        crumbs={[{ label: 'Home', href: '/' }, { label: 'SLOs' }]}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a
                href="/api/ui/rules"
                download
                title="Recording rules and burn-rate alerts of every Prometheus-sourced SLO"
              >
                <Download aria-hidden /> Prometheus rules
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href="/api/ui/openslo" download>
                <Download aria-hidden /> Export OpenSLO
              </a>
            </Button>
            {hasRole(user.role, 'engineer') && (
              <>
                <Button asChild variant="outline" size="sm">
                  <Link href="/slos/import">
                    <Upload aria-hidden /> Import OpenSLO
                  </Link>
                </Button>
                <Button asChild>
                  <Link href="/slos/new">
                    <Plus aria-hidden /> New SLO
                  </Link>
                </Button>
              </>
            )}
          </>
        }
      />
      <SloOverview
        initial={initial}
        initialKey={JSON.stringify(params)}
        services={services.map((s) => ({ value: s.slug, label: s.name }))}
        teams={teams.map((t) => ({ value: t.slug, label: t.name }))}
      />
    </>
  );
}
