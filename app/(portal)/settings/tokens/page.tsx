import { KeyRound } from 'lucide-react';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { listTokens } from '@/db/identity/tokens';
import { pageContext } from '@/server/guard';
import { revokeTokenAction } from './actions';
import { NewTokenForm } from './client';

export const metadata = { title: 'API tokens' };

const fmt = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 16) : '—');

export default async function TokensPage() {
  const { db } = await pageContext('admin');
  const tokens = await listTokens(db);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens authenticate the machine API with Authorization: Bearer. They are stored hashed and shown once."
        crumbs={[{ label: 'Settings', href: '/settings' }, { label: 'API tokens' }]}
      />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Create a token</CardTitle>
          <CardDescription>Give each client its own token with the fewest scopes it needs.</CardDescription>
        </CardHeader>
        <CardContent>
          <NewTokenForm />
        </CardContent>
      </Card>
      {tokens.length === 0 ? (
        <EmptyState icon={KeyRound} title="No tokens yet">
          CI pipelines use a read token for the deploy gate; ingesters need sli:write.
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Scopes</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th />
            </tr>
          </THead>
          <TBody>
            {tokens.map((t) => (
              <Tr key={t.id}>
                <Td>
                  <div className="font-medium">{t.name}</div>
                  <div className="font-mono text-xs text-muted-foreground">{t.prefix}…</div>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {t.scopes.map((s) => (
                      <Badge key={s} variant="outline" className="font-mono">
                        {s}
                      </Badge>
                    ))}
                  </div>
                </Td>
                <Td className="text-muted-foreground">
                  {fmt(t.createdAt)}
                  {t.createdByName && <div className="text-xs">by {t.createdByName}</div>}
                </Td>
                <Td className="text-muted-foreground">{fmt(t.lastUsedAt)}</Td>
                <Td>
                  {t.revokedAt ? (
                    <Badge variant="depleted">Revoked</Badge>
                  ) : (
                    <Badge variant="healthy">Active</Badge>
                  )}
                </Td>
                <Td className="text-right">
                  {!t.revokedAt && (
                    <ConfirmDelete
                      action={revokeTokenAction}
                      id={t.id}
                      what={`token ${t.name}`}
                      label="Revoke"
                    />
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
