import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/db/identity/users';
import { pageContext } from '@/server/guard';
import { createTeamAction } from '../actions';
import { TeamForm } from '../team-form';

export const metadata = { title: 'New team' };

export default async function NewTeamPage() {
  const { db } = await pageContext('admin');
  const users = await listUsers(db);
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
