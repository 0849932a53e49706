import { NextResponse } from 'next/server';
import { getMonthlyReport } from '@/db/reports/snapshots';
import { reportCsv } from '@/lib/reports/csv';
import { jsonError, withReader } from '@/server/api';
import { renderReportPdf } from '@/server/report-render';

export const dynamic = 'force-dynamic';

const FILE = /^(\d{4}-\d{2})(?:\.(json|csv|pdf))?$/;

/** GET /api/v1/reports/{YYYY-MM}[.json|.csv|.pdf] (SPEC 3): the monthly SLA report. */
export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const match = FILE.exec(file);
  if (!match) return jsonError(404, 'Unknown report: use /api/v1/reports/YYYY-MM, .csv or .pdf');
  const [, month, format = 'json'] = match;
  return withReader(req, async ({ db }) => {
    const report = await getMonthlyReport(db, month);
    const headers = { 'cache-control': 'no-store' };
    if (format === 'json') return NextResponse.json(report, { headers });
    if (format === 'csv')
      return new Response(reportCsv(report), {
        headers: {
          ...headers,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="sla-report-${month}.csv"`,
        },
      });
    const origin = process.env.REPORT_RENDER_ORIGIN ?? new URL(req.url).origin;
    const pdf = await renderReportPdf(origin, month).catch((err) => {
      console.error('report PDF failed', err);
      return null;
    });
    if (!pdf)
      return jsonError(503, 'The PDF renderer (Chromium) is not available on this server; use print or CSV');
    return new Response(new Uint8Array(pdf), {
      headers: {
        ...headers,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="sla-report-${month}.pdf"`,
      },
    });
  });
}
