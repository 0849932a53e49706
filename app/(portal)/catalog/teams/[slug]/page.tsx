import { Server } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TierBadge } from '@/components/catalog/tier-badge';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listServices } from '@/db/catalog/services';
import { getTeamBySlug } from '@/db/catalog/teams';
import { listUsers } from '@/db/identity/users';
import { hasRole } from '@/lib/auth/roles';
import { requirePageUser } from '@/server/guard';
import { deleteTeamAction, updateTeamAction } from '../actions';
import { TeamForm } from '../team-form';

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser();
  const { slug } = await params;
  const db = await getDb();
  const isAdmin = hasRole(user.role, 'admin');
  const [team, owned, users] = await Promise.all([
    getTeamBySlug(db, slug),
    listServices(db, { team: slug }),
    isAdmin ? listUsers(db) : Promise.resolve([]),
  ]);
  if (!team) notFound();
  return (
    <>
      <PageHeader
        title={team.name}
        description={`${team.members.length} member${team.members.length === 1 ? '' : 's'} · ${team.weeklyHoursPerMember} h per member per week`}
        crumbs={[{ label: 'Catalog' }, { label: 'Teams', href: '/catalog/teams' }, { label: team.name }]}
        actions={
          isAdmin && (
            <ConfirmDelete
              action={deleteTeamAction}
              id={team.id}
              what={`team ${team.name}`}
              redirectTo="/catalog/teams"
            />
          )
        }
      />
      {team.description && (
        <p className="mb-6 max-w-prose text-sm text-muted-foreground">{team.description}</p>
      )}
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card data-testid="team-services">
          <CardHeader>
            <CardTitle>Services</CardTitle>
            <CardDescription>What this team owns.</CardDescription>
          </CardHeader>
          <CardContent>
            {owned.length === 0 ? (
              <EmptyState icon={Server} title="No services">
                This team owns no services yet.
              </EmptyState>
            ) : (
              <ul className="divide-y">
                {owned.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-3 py-2">
                    <Link
                      href={`/catalog/services/${s.slug}`}
                      className="min-w-0 font-medium hover:underline"
                    >
                      {s.name}
                    </Link>
                    <TierBadge tier={s.tier} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card data-testid="team-members">
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>Who is on the team.</CardDescription>
          </CardHeader>
          <CardContent>
            {team.members.length === 0 ? (
              <p className="text-sm text-muted-foreground">No members yet.</p>
            ) : (
              <ul className="divide-y">
                {team.members.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
                    <span className="font-medium">{m.name}</span>
                    <span className="min-w-0 break-all text-xs text-muted-foreground">{m.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      {isAdmin && (
        <section aria-labelledby="edit-team">
          <h2 id="edit-team" className="mb-3 text-base font-semibold">
            Edit team
          </h2>
          <TeamForm action={updateTeamAction} users={users} team={team} />
        </section>
      )}
    </>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: (await params).slug };
}
