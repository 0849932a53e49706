import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDataSource } from '@/db/interop/prometheus-sync';
import { pageContext } from '@/server/guard';
import { DataSourceForm, TestConnection } from './client';

export const metadata = { title: 'Prometheus data source' };

export default async function PrometheusSettingsPage() {
  const { db } = await pageContext('admin');
  const ds = await getDataSource(db);
  return (
    <>
      <PageHeader
        title="Prometheus data source"
        description="SLOs with a Prometheus source pull per-minute good/total counts from here: the whole window on creation, then every minute. One replica syncs at a time."
        crumbs={[{ label: 'Settings', href: '/settings' }, { label: 'Prometheus' }]}
      />
      <div className="grid gap-6">
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
        <Card>
          <CardHeader>
            <CardTitle>Connection</CardTitle>
            <CardDescription>Runs a tiny range query against the saved data source.</CardDescription>
          </CardHeader>
          <CardContent>
            <TestConnection />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
