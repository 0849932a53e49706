import { notFound } from 'next/navigation';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { PageHeader } from '@/components/ui/page-header';
import { getTeamBySlug } from '@/db/catalog/teams';
import { listUsers } from '@/db/identity/users';
import { hasRole } from '@/lib/auth/roles';
import { pageContext } from '@/server/guard';
import { deleteTeamAction, updateTeamAction } from '../actions';
import { TeamForm } from '../team-form';

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { db, user } = await pageContext();
  const [team, users] = await Promise.all([getTeamBySlug(db, (await params).slug), listUsers(db)]);
  if (!team) notFound();
  const isAdmin = hasRole(user.role, 'admin');
  return (
    <>
      <PageHeader
        title={team.name}
        description={`${team.members.length} members · ${team.weeklyHoursPerMember} h per member per week`}
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
      <TeamForm action={updateTeamAction} users={users} team={team} readOnly={!isAdmin} />
    </>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: (await params).slug };
}
