import { notFound } from 'next/navigation';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { PageHeader } from '@/components/ui/page-header';
import { listServices } from '@/db/catalog/services';
import { listToilCategories } from '@/db/toil/categories';
import { visibleTeamIds } from '@/db/toil/entries';
import { getEntryRow } from '@/db/toil/entry-list';
import { hasRole } from '@/lib/auth/roles';
import { formatMinutes } from '@/lib/toil/minutes';
import { pageContext } from '@/server/guard';
import { deleteToilEntryAction } from '../../actions';
import { toRecentEntry } from '../../recent-entries';
import { EditEntryForm } from './edit-form';

export const metadata = { title: 'Toil entry' };

export default async function ToilEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, user } = await pageContext('viewer');
  const { id } = await params;
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await getEntryRow(db, id) : null;
  const visible = await visibleTeamIds(db, user);
  if (!row || (visible !== null && !visible.includes(row.teamId))) notFound();
  const [categories, services] = await Promise.all([
    listToilCategories(db, { includeArchived: true }),
    listServices(db),
  ]);
  const canEdit = hasRole(user.role, 'engineer') && (hasRole(user.role, 'admin') || row.userId === user.id);
  return (
    <>
      <PageHeader
        title={row.task}
        description={`${formatMinutes(row.minutes)} on ${row.date} by ${row.userName} for ${row.teamName}`}
        crumbs={[
          { label: 'Toil', href: '/toil' },
          { label: 'Entries', href: '/toil/entries' },
          { label: row.date },
        ]}
        actions={
          canEdit && (
            <ConfirmDelete
              action={deleteToilEntryAction}
              id={row.id}
              what="this entry"
              redirectTo="/toil/entries"
            />
          )
        }
      />
      {!canEdit && (
        <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
          Read only: engineers change their own entries, admins anyone&apos;s.
        </p>
      )}
      <EditEntryForm
        entry={toRecentEntry(row)}
        version={row.version}
        categories={categories
          .filter((c) => !c.archived || c.slug === row.categorySlug)
          .map((c) => ({ value: c.slug, label: c.name }))}
        services={services.map((s) => ({ value: s.slug, label: s.name }))}
        readOnly={!canEdit}
      />
    </>
  );
}
