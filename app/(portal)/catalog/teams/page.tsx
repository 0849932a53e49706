import { Plus, Users } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { listTeams } from '@/db/catalog/teams';
import { hasRole } from '@/lib/auth/roles';
import { pageContext } from '@/server/guard';

export const metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const { db, user } = await pageContext();
  const teams = await listTeams(db);
  const isAdmin = hasRole(user.role, 'admin');
  return (
    <>
      <PageHeader
        title="Teams"
        description="Who owns what. Team size and working hours feed the toil budget."
        crumbs={[{ label: 'Catalog' }, { label: 'Teams' }]}
        actions={
          isAdmin && (
            <Button asChild>
              <Link href="/catalog/teams/new">
                <Plus aria-hidden /> New team
              </Link>
            </Button>
          )
        }
      />
      {teams.length === 0 ? (
        <EmptyState icon={Users} title="No teams yet">
          {isAdmin ? 'Create a team to own services.' : 'An administrator creates teams.'}
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Team</Th>
              <Th className="text-right">Members</Th>
              <Th className="text-right">Hours / member / week</Th>
              <Th className="text-right">Services</Th>
            </tr>
          </THead>
          <TBody>
            {teams.map((t) => (
              <Tr key={t.id}>
                <Td>
                  <Link href={`/catalog/teams/${t.slug}`} className="font-medium hover:underline">
                    {t.name}
                  </Link>
                  <div className="text-xs text-muted-foreground">{t.description}</div>
                </Td>
                <Td className="text-right tabular-nums">{t.members}</Td>
                <Td className="text-right tabular-nums">{t.weeklyHoursPerMember}</Td>
                <Td className="text-right tabular-nums">{t.services}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
