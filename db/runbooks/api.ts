// GET /api/v1/runbooks (SPEC 3): matching runbooks with their URL and staleness, for chat-ops
// and alert annotations.
import type { Executor } from '@/db/client';
import { ValidationError } from '@/lib/errors';
import { staleness } from '@/lib/runbooks/staleness';
import { ALERT_NAME } from '@/lib/runbooks/validation';
import { runbooksForAlert, searchRunbooks } from './queries';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function runbooksApi(db: Executor, params: URLSearchParams, baseUrl: string) {
  const alert = params.get('alert') ?? '';
  const service = params.get('service') ?? '';
  const q = params.get('q') ?? '';
  const fieldErrors: Record<string, string[]> = {};
  if (alert && !ALERT_NAME.test(alert)) fieldErrors.alert = ['An alert name: letters, digits, _ : . -'];
  if (service && (!SLUG.test(service) || service.length > 100)) fieldErrors.service = ['A service slug'];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refuse NUL and other control characters
  if (q.length > 200 || /[\u0000-\u001f]/.test(q)) fieldErrors.q = ['At most 200 printable characters'];
  if (Object.keys(fieldErrors).length)
    throw new ValidationError(`Invalid ${Object.keys(fieldErrors).join(', ')}`, fieldErrors);

  // An alert with a service picks the closest runbooks (the service's own, then generic ones).
  const rows =
    alert && !q
      ? await runbooksForAlert(db, alert, service || null)
      : await searchRunbooks(db, { alert: alert || undefined, service: service || undefined, q, limit: 50 });
  const base = baseUrl.replace(/\/+$/, '');
  const now = new Date();
  return {
    runbooks: rows.map((r) => {
      const s = staleness(r, now);
      return {
        slug: r.slug,
        title: r.title,
        url: `${base}/runbooks/${r.slug}`,
        service: r.serviceSlug,
        team: r.teamSlug,
        alerts: r.alertNames,
        staleness: {
          state: s.state,
          overdue: s.state === 'overdue',
          reviewDueAt: s.dueAt.toISOString(),
          lastReviewedAt: r.lastReviewedAt?.toISOString() ?? null,
          lastReviewedBy: r.lastReviewedBy,
          reviewIntervalDays: r.reviewIntervalDays,
        },
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
  };
}
