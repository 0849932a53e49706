import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/server/guard';
import { OpenSloImport } from './client';
import { MappingHelp } from './help';

export const metadata = { title: 'Import OpenSLO' };

export default async function ImportOpenSloPage() {
  await requirePageUser('engineer');
  return (
    <>
      <PageHeader
        title="Import OpenSLO"
        description="Paste or upload OpenSLO v1 Service and SLO documents, preview what would change, then import. Each document is imported whole or not at all."
        crumbs={[{ label: 'SLOs', href: '/slos' }, { label: 'Import OpenSLO' }]}
        actions={
          <Button asChild variant="outline">
            <a href="/api/ui/openslo" download>
              <Download aria-hidden /> Export OpenSLO
            </a>
          </Button>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <OpenSloImport />
        <MappingHelp />
      </div>
    </>
  );
}
