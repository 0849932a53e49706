import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/server/guard';
import { ImportForm } from './client';

export const metadata = { title: 'Import runbooks' };

export default async function ImportRunbooksPage() {
  await requirePageUser('engineer');
  return (
    <>
      <PageHeader
        title="Import runbooks"
        description="A folder of markdown runbooks with front matter, as several files or one zip. One bad file imports nothing."
        crumbs={[{ label: 'Runbooks', href: '/runbooks' }, { label: 'Import' }]}
      />
      <ImportForm />
    </>
  );
}
