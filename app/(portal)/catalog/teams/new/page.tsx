import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listUsers } from '@/db/identity/users';
import { requirePageUser } from '@/server/guard';
import { createTeamAction } from '../actions';
import { TeamForm } from '../team-form';

export const metadata = { title: 'New team' };

export default async function NewTeamPage() {
  await requirePageUser('admin');
  const users = await listUsers(await getDb());
  return (
    <>
      <PageHeader
        title="New team"
        crumbs={[{ label: 'Catalog' }, { label: 'Teams', href: '/catalog/teams' }, { label: 'New' }]}
      />
      <TeamForm action={createTeamAction} users={users} />
    </>
  );
}
