import { ChevronLeft, ChevronRight, Download } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReportView } from '@/components/reports/report-view';
import { RagDot } from '@/components/reports/thumbs';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getMonthlyReport } from '@/db/reports/snapshots';
import { ValidationError } from '@/lib/errors';
import { parseMonthKey, shiftMonth } from '@/lib/reports/month';
import { requirePageUser } from '@/server/guard';
import { PrintButton } from './print-button';

export async function generateMetadata({ params }: { params: Promise<{ month: string }> }) {
  return { title: `SLA report ${(await params).month}` };
}

export default async function ReportMonthPage({ params }: { params: Promise<{ month: string }> }) {
  await requirePageUser('viewer');
  const { month: key } = await params;
  const month = parseMonthKey(key);
  if (!month) notFound();
  const db = await getDb();
  const report = await getMonthlyReport(db, month.key).catch((err) => {
    if (err instanceof ValidationError) notFound();
    throw err;
  });
  const prev = shiftMonth(month, -1).key;
  const next = shiftMonth(month, 1).key;
  const generated = new Date(report.generatedAt).toLocaleString('en-GB', {
    timeZone: report.timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <>
      <PageHeader
        title={`SLA report — ${report.label}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <RagDot rag={report.rag} />
            {report.closed ? `Closed month, generated ${generated}` : `Month in progress, as of ${generated}`}{' '}
            · {report.timezone}
          </span>
        }
        crumbs={[{ label: 'Operations' }, { label: 'Reports', href: '/reports' }, { label: report.label }]}
        actions={
          <div className="no-print flex flex-wrap items-center gap-2">
            <Button asChild variant="ghost" size="sm">
              <Link href={`/reports/${prev}`} aria-label="Previous month">
                <ChevronLeft className="size-4" aria-hidden />
              </Link>
            </Button>
            {!report.closed ? null : (
              <Button asChild variant="ghost" size="sm">
                <Link href={`/reports/${next}`} aria-label="Next month">
                  <ChevronRight className="size-4" aria-hidden />
                </Link>
              </Button>
            )}
            <PrintButton />
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/reports/${report.month}.pdf`} download>
                <Download className="size-4" aria-hidden /> PDF
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/reports/${report.month}.csv`} download>
                <Download className="size-4" aria-hidden /> CSV
              </a>
            </Button>
          </div>
        }
      />
      <ReportView report={report} />
    </>
  );
}
