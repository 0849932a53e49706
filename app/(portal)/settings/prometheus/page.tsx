import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getDataSource } from '@/db/interop/prometheus-sync';
import { requirePageUser } from '@/server/guard';
import { DataSourceForm } from './client';

export const metadata = { title: 'Prometheus data source' };

export default async function PrometheusSettingsPage() {
  await requirePageUser('admin');
  const ds = await getDataSource(await getDb());
  return (
    <>
      <PageHeader
        title="Prometheus data source"
        description="SLOs with a Prometheus source pull per-minute good/total counts from here: the whole window on creation, then every minute. One replica syncs at a time."
        crumbs={[{ label: 'Settings', href: '/settings' }, { label: 'Prometheus' }]}
      />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardContent className="pt-5">
            <DataSourceForm
              initial={{
                url: ds?.url ?? '',
                username: ds?.username ?? '',
                timeoutSeconds: ds?.timeoutSeconds ?? 10,
                hasSecret: Boolean(ds?.bearerToken || ds?.password),
              }}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
