import { exportAll } from '@/db/interop/openslo';
import { withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/** "Export OpenSLO" for signed-in users (viewers included): the same YAML as GET /api/v1/openslo, as a download. */
export async function GET() {
  return withSession('viewer', async ({ db }) => {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(await exportAll(db), {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="openslo-${day}.yaml"`,
        'cache-control': 'no-store',
      },
    });
  });
}
