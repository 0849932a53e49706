import { getDb } from '@/db';
import { exportAll } from '@/db/services/openslo';
import { errorResponse } from '@/lib/api';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** "Export OpenSLO" for signed-in users (viewers included): the same YAML as GET /api/v1/openslo, as a download. */
export async function GET() {
  try {
    await requireUser('viewer');
    const day = new Date().toISOString().slice(0, 10);
    return new Response(await exportAll(await getDb()), {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="openslo-${day}.yaml"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
