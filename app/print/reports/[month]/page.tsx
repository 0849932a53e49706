import { notFound, redirect } from 'next/navigation';
import { ReportView } from '@/components/reports/report-view';
import { getDb } from '@/db';
import { getMonthlyReport } from '@/db/reports/snapshots';
import { ValidationError } from '@/lib/errors';
import { parseMonthKey } from '@/lib/reports/month';
import { single } from '@/lib/search-params';
import { currentUser } from '@/server/guard';
import { validPrintKey } from '@/server/report-render';

export const metadata = { title: 'SLA report' };

/** The report alone on the page, for printing and for the PDF renderer (signed link or session). */
export default async function PrintReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ month: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { month: key } = await params;
  const q = single(await searchParams);
  const month = parseMonthKey(key);
  if (!month) notFound();
  if (!validPrintKey(month.key, q.expires, q.key) && !(await currentUser())) redirect('/login');
  const report = await getMonthlyReport(await getDb(), month.key).catch((err) => {
    if (err instanceof ValidationError) notFound();
    throw err;
  });
  return (
    <main className="mx-auto max-w-5xl bg-background p-6 print:p-0">
      <style>{'@page { size: A4; margin: 12mm; } @media print { body { font-size: 11px; } }'}</style>
      <header className="mb-6 flex items-end justify-between border-b pb-3">
        <div>
          <p className="text-xs uppercase tracking-wide text-muted-foreground">
            SRE Portal · Monthly SLA report
          </p>
          <h1 className="text-2xl font-semibold">{report.label}</h1>
        </div>
        <p className="text-right text-xs text-muted-foreground">
          {report.closed ? 'Closed month' : 'Month in progress'}
          <br />
          Generated {report.generatedAt.slice(0, 16).replace('T', ' ')} UTC
        </p>
      </header>
      <ReportView report={report} linkable={false} />
    </main>
  );
}
