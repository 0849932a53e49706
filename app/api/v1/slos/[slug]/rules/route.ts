import { rulesForSlo } from '@/db/interop/prometheus-rules';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/slos/{slug}/rules[?absentMinutes=N] → Prometheus rule file (YAML) with recording rules and
 * burn-rate alerts; absentMinutes adds an alert when the SLO's counters have had no samples for N minutes.
 */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    const raw = new URL(req.url).searchParams.get('absentMinutes');
    const absentAlertMinutes = raw === null ? null : Number(raw);
    if (
      absentAlertMinutes !== null &&
      !(Number.isInteger(absentAlertMinutes) && absentAlertMinutes >= 1 && absentAlertMinutes <= 1440)
    )
      return jsonError(400, 'absentMinutes must be a whole number of minutes from 1 to 1440', {
        fieldErrors: { absentMinutes: ['A whole number of minutes from 1 to 1440'] },
      });
    const yaml = await rulesForSlo(
      db,
      (await ctx.params).slug,
      process.env.NEXTAUTH_URL ?? new URL(req.url).origin,
      { absentAlertMinutes },
    );
    return new Response(yaml, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
  });
}
