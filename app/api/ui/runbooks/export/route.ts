import { exportRunbooksZip } from '@/db/runbooks/transfer';
import { withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/** "Export" on the library: every runbook as `slug.md` with front matter, in one zip (re-importable). */
export async function GET() {
  return withSession('viewer', async ({ db }) => {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(Buffer.from(await exportRunbooksZip(db)), {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="runbooks-${day}.zip"`,
        'cache-control': 'no-store',
      },
    });
  });
}
