import { parseOverviewQuery } from '@/app/(portal)/slos/search-params';
import { loadOverview } from '@/db/slo/api';
import { withSession } from '@/server/api';
import { sharedJsonResponse } from '@/server/shared-json';

export const dynamic = 'force-dynamic';

/** The overview's data for its periodic refresh; session-authenticated like the page itself. */
export async function GET(req: Request) {
  return withSession('viewer', async ({ db }) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    // The answer is shared by every reader of this page of the same snapshot copy.
    return sharedJsonResponse(req, await loadOverview(db, parseOverviewQuery(params)), {
      'cache-control': 'no-store',
    });
  });
}
