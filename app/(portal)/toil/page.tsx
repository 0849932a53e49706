import { Users } from 'lucide-react';
import Link from 'next/link';
import { ToilNav } from '@/components/toil/toil-nav';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listServices } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { listToilCategories } from '@/db/toil/categories';
import { teamsOfUser } from '@/db/toil/entries';
import { recentTasks } from '@/db/toil/entry-list';
import { hasRole } from '@/lib/auth/roles';
import { addDays } from '@/lib/toil/periods';
import { pageContext } from '@/server/guard';
import { ToilWorkspace } from './client';
import { myRecentEntries } from './recent-entries';

export const metadata = { title: 'Toil' };

export default async function ToilPage() {
  const { db, user } = await pageContext('viewer');
  const header = (
    <>
      <PageHeader
        title="Log toil"
        description="Type a task, press Enter. Manual, repetitive work the team could automate."
        crumbs={[{ label: 'Operations' }, { label: 'Toil' }]}
      />
      <ToilNav current="/toil" role={user.role} />
    </>
  );
  if (!hasRole(user.role, 'engineer')) {
    return (
      <>
        {header}
        <p className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
          You have read-only access: engineers log toil. See where the time goes in the{' '}
          <Link href="/toil/reports" className="underline">
            toil reports
          </Link>
          .
        </p>
      </>
    );
  }
  const isAdmin = hasRole(user.role, 'admin');
  const [ownTeams, allTeams, categories, services, recent] = await Promise.all([
    teamsOfUser(db, user.id),
    isAdmin ? listTeams(db) : Promise.resolve([]),
    listToilCategories(db),
    listServices(db),
    myRecentEntries(db, user.id),
  ]);
  if (ownTeams.length === 0 && !isAdmin) {
    return (
      <>
        {header}
        <EmptyState
          icon={Users}
          title="You are not in a team yet"
          action={
            <Button asChild variant="outline">
              <Link href="/toil/reports">See the reports</Link>
            </Button>
          }
        >
          Toil counts against a team&apos;s capacity, so it is logged for a team. Ask an admin to add you to
          yours.
        </EmptyState>
      </>
    );
  }
  const team = ownTeams[0]?.id ?? '';
  const today = new Date().toISOString().slice(0, 10);
  const suggestions = team ? await recentTasks(db, team, addDays(today, -90)) : [];
  const teams = (isAdmin ? allTeams : ownTeams).map((t) => ({ value: t.id, label: t.name }));
  return (
    <>
      {header}
      <ToilWorkspace
        initialRecent={recent}
        today={today}
        team={team}
        teams={teams}
        categories={categories.map((c) => ({ value: c.slug, label: c.name }))}
        services={services.map((s) => ({ value: s.slug, label: s.name }))}
        suggestions={suggestions}
      />
    </>
  );
}
