import { BookOpen } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

export interface RunbookLinkItem {
  slug: string;
  title: string;
  alertNames: string[];
  overdue: boolean;
}

/** The runbooks that answer a service's or an incident's alerts, as a compact list. */
export function RunbookLinkList({
  runbooks,
  newHref,
  className,
}: {
  runbooks: RunbookLinkItem[];
  newHref?: string;
  className?: string;
}) {
  return (
    <section
      aria-labelledby="runbooks-heading"
      className={cn('rounded-lg border bg-card p-4', className)}
      data-testid="runbook-links"
    >
      <h2 id="runbooks-heading" className="mb-2 flex items-center gap-2 font-semibold">
        <BookOpen className="size-4" aria-hidden /> Runbooks
      </h2>
      {runbooks.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No runbook answers these alerts yet.{' '}
          {newHref && (
            <Link href={newHref} className="underline">
              Write one
            </Link>
          )}
        </p>
      ) : (
        <ul className="grid gap-2 text-sm">
          {runbooks.map((r) => (
            <li key={r.slug} className="flex flex-wrap items-center gap-2">
              <Link href={`/runbooks/${r.slug}`} className="font-medium hover:underline">
                {r.title}
              </Link>
              {r.overdue && <Badge variant="critical">review overdue</Badge>}
              {r.alertNames.slice(0, 3).map((a) => (
                <Badge key={a} variant="outline" className="font-mono">
                  {a}
                </Badge>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
