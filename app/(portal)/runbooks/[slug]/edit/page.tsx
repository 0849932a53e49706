import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listServices } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { getRunbookBySlug } from '@/db/runbooks/queries';
import { requirePageUser } from '@/server/guard';
import { RunbookEditor } from '../../editor';

export default async function EditRunbookPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('engineer');
  const { slug } = await params;
  const db = await getDb();
  const [rb, services, teams] = await Promise.all([
    getRunbookBySlug(db, slug),
    listServices(db),
    listTeams(db),
  ]);
  if (!rb) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${rb.title}`}
        description={`Version ${rb.version}. Saving makes a new revision; if someone else saves first, you are told instead of overwriting them.`}
        crumbs={[
          { label: 'Runbooks', href: '/runbooks' },
          { label: rb.title, href: `/runbooks/${rb.slug}` },
          { label: 'Edit' },
        ]}
      />
      <RunbookEditor services={services} teams={teams} runbook={rb} />
    </>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: `Edit ${(await params).slug}` };
}
