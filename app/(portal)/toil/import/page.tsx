import { ToilNav } from '@/components/toil/toil-nav';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listTeams } from '@/db/catalog/teams';
import { listToilCategories } from '@/db/toil/categories';
import { teamsOfUser } from '@/db/toil/entries';
import { hasRole } from '@/lib/auth/roles';
import { TOIL_CSV_HEADER } from '@/lib/toil/csv';
import { pageContext } from '@/server/guard';
import { ImportForm } from './client';

export const metadata = { title: 'Import toil' };

export default async function ToilImportPage() {
  const { db, user } = await pageContext('engineer');
  const isAdmin = hasRole(user.role, 'admin');
  const [own, all, categories] = await Promise.all([
    teamsOfUser(db, user.id),
    isAdmin ? listTeams(db) : Promise.resolve([]),
    listToilCategories(db),
  ]);
  const teams = (isAdmin ? all : own).map((t) => ({ value: t.id, label: t.name }));
  return (
    <>
      <PageHeader
        title="Import toil"
        description="Bulk-load entries from a spreadsheet. Every row is checked first; a file with a bad row writes nothing."
        crumbs={[{ label: 'Operations' }, { label: 'Toil', href: '/toil' }, { label: 'Import' }]}
      />
      <ToilNav current="/toil/import" role={user.role} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardContent className="pt-5">
            {teams.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                You are not in a team: ask an admin to add you to one before importing toil.
              </p>
            ) : (
              <ImportForm teams={teams} team={own[0]?.id ?? ''} />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Columns</CardTitle>
            <CardDescription>
              The header row names them, in any order and case. The export writes the same.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <code className="block overflow-x-auto rounded bg-muted px-2 py-1.5 font-mono text-xs">
              {TOIL_CSV_HEADER}
            </code>
            <ul className="grid gap-1 text-muted-foreground">
              <li>
                <strong className="text-foreground">date</strong> YYYY-MM-DD, not in the future
              </li>
              <li>
                <strong className="text-foreground">task</strong> up to 200 characters
              </li>
              <li>
                <strong className="text-foreground">category</strong> slug or name:{' '}
                {categories.map((c) => c.slug).join(', ')}
              </li>
              <li>
                <strong className="text-foreground">minutes</strong> 45, 45m, 1h30m or 1.5h (at most 24h)
              </li>
              <li>
                <strong className="text-foreground">service</strong> optional service slug
              </li>
              <li>
                <strong className="text-foreground">interrupt, after_hours</strong> true/false, yes/no, 1/0 or
                empty
              </li>
              <li>
                <strong className="text-foreground">automatable</strong> none, partial, full or empty
              </li>
              <li>
                <strong className="text-foreground">notes</strong> optional, up to 2000 characters
              </li>
            </ul>
            <p className="text-muted-foreground">Entries are logged as yours, for the chosen team.</p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
