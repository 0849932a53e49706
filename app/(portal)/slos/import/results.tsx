import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { DocumentStatus, ImportResult } from '@/lib/openslo/result';
import { cn } from '@/lib/utils';

const STATUS: Record<
  DocumentStatus,
  { label: string; variant: 'healthy' | 'primary' | 'default' | 'critical' }
> = {
  'would-create': { label: 'Will create', variant: 'healthy' },
  created: { label: 'Created', variant: 'healthy' },
  'would-update': { label: 'Will update', variant: 'primary' },
  updated: { label: 'Updated', variant: 'primary' },
  unchanged: { label: 'Unchanged', variant: 'default' },
  error: { label: 'Refused', variant: 'critical' },
};

function Summary({ result }: { result: ImportResult }) {
  const { created, updated, unchanged, errors } = result;
  const parts = [
    `${created} ${result.dryRun ? 'to create' : 'created'}`,
    `${updated} ${result.dryRun ? 'to update' : 'updated'}`,
    `${unchanged} unchanged`,
    `${errors} refused`,
  ];
  return (
    <p className="text-sm" data-testid="import-summary">
      <span className="font-medium">{result.dryRun ? 'Preview' : 'Imported'}:</span> {parts.join(' · ')}
      {result.dryRun && <span className="text-muted-foreground"> — nothing has been written yet.</span>}
      {!result.dryRun && errors > 0 && (
        <span className="text-muted-foreground"> — refused documents wrote nothing.</span>
      )}
    </p>
  );
}

/** One row per YAML document: what it became (or would become), its errors by field, its warnings. */
export function ImportResults({ result, stale }: { result: ImportResult; stale: boolean }) {
  return (
    <section className={cn('grid gap-3', stale && 'opacity-60')} aria-label="Import preview">
      <Summary result={result} />
      <Table>
        <THead>
          <tr>
            <Th className="hidden w-12 sm:table-cell">#</Th>
            <Th>Document</Th>
            <Th className="hidden sm:table-cell">Outcome</Th>
            <Th className="w-full">Details</Th>
          </tr>
        </THead>
        <TBody>
          {result.documents.map((d) => (
            <Tr key={d.index} data-testid="import-document" className="align-top">
              <Td className="hidden align-top tabular-nums text-muted-foreground sm:table-cell">
                {d.index + 1}
              </Td>
              <Td className="align-top break-words sm:whitespace-nowrap">
                <div className="font-medium">{d.name || '—'}</div>
                <div className="text-xs text-muted-foreground">
                  {d.kind || 'not OpenSLO'}
                  <span className="sm:hidden"> · document {d.index + 1}</span>
                </div>
                <Badge variant={STATUS[d.status].variant} className="mt-1.5 sm:hidden">
                  {STATUS[d.status].label}
                </Badge>
              </Td>
              <Td className="hidden align-top sm:table-cell">
                <Badge variant={STATUS[d.status].variant}>{STATUS[d.status].label}</Badge>
              </Td>
              <Td className="min-w-56 align-top">
                <Details doc={d} dryRun={result.dryRun} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

function Details({ doc, dryRun }: { doc: ImportResult['documents'][number]; dryRun: boolean }) {
  return (
    <div className="grid gap-1.5">
      {doc.slos && doc.slos.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {doc.slos.map((s) => (
            <li key={s.slug} className="text-sm">
              {dryRun || s.status === 'unchanged' ? (
                <span className="font-mono">{s.slug}</span>
              ) : (
                <Link href={`/slos/${s.slug}`} className="font-mono text-primary hover:underline">
                  {s.slug}
                </Link>
              )}{' '}
              <span className="text-muted-foreground">{STATUS[s.status].label.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
      {doc.errors?.map((e) => (
        <p key={`${e.field}:${e.message}`} className="text-sm text-destructive">
          <code className="rounded bg-destructive/10 px-1 py-0.5 font-mono text-xs">{e.field}</code>{' '}
          {e.message}
        </p>
      ))}
      {doc.warnings?.map((w) => (
        <p key={w} className="flex gap-1.5 text-xs text-muted-foreground">
          <AlertTriangle className="mt-0.5 size-3.5 shrink-0 text-warning" aria-hidden />
          {w}
        </p>
      ))}
    </div>
  );
}
