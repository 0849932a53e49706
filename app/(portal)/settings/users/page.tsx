import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { listUsers } from '@/db/identity/users';
import { pageContext } from '@/server/guard';
import { DisableToggle, NewUserForm, RoleSelect } from './client';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const { db, user: me } = await pageContext('admin');
  const users = await listUsers(db);
  return (
    <>
      <PageHeader
        title="Users and roles"
        description="Viewers read everything; engineers write toil, incidents, postmortems, runbooks and SLOs; admins manage users, teams, tokens and settings."
        crumbs={[{ label: 'Settings', href: '/settings' }, { label: 'Users' }]}
      />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Add a user</CardTitle>
        </CardHeader>
        <CardContent>
          <NewUserForm />
        </CardContent>
      </Card>
      <Table>
        <THead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>Last sign-in</Th>
            <Th>Status</Th>
            <Th />
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <Tr key={u.id}>
              <Td>
                <div className="font-medium">{u.name}</div>
                <div className="text-xs text-muted-foreground">{u.email}</div>
              </Td>
              <Td>
                <RoleSelect id={u.id} role={u.role} self={u.id === me.id} />
              </Td>
              <Td className="text-muted-foreground">
                {u.lastLoginAt ? u.lastLoginAt.toISOString().replace('T', ' ').slice(0, 16) : 'never'}
              </Td>
              <Td>
                {u.disabled ? (
                  <Badge variant="depleted">Disabled</Badge>
                ) : (
                  <Badge variant="healthy">Active</Badge>
                )}
              </Td>
              <Td className="text-right">
                <DisableToggle id={u.id} disabled={u.disabled} self={u.id === me.id} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
