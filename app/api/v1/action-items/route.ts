import { NextResponse } from 'next/server';
import { type ActionItemFilters, listActionItems } from '@/db/incidents/action-items';
import { ACTION_ITEM_PRIORITIES, type ActionItemPriority } from '@/lib/incidents/types';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/action-items?overdue=1&owner=<email or user id>&priority= (scope read). */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const q = new URL(req.url).searchParams;
    const f: ActionItemFilters = {};
    const overdue = q.get('overdue');
    if (overdue !== null) {
      if (!['1', 'true', '0', 'false'].includes(overdue))
        return jsonError(400, 'overdue must be 1, true, 0 or false', {
          fieldErrors: { overdue: ['1, true, 0 or false'] },
        });
      f.overdue = overdue === '1' || overdue === 'true';
    }
    const owner = q.get('owner');
    if (owner) {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(owner)) f.ownerId = owner;
      else if (owner.length <= 320 && owner.includes('@')) f.ownerEmail = owner;
      else
        return jsonError(400, 'owner must be an email or a user id', {
          fieldErrors: { owner: ['An email or a user id'] },
        });
    }
    const priority = q.get('priority');
    if (priority) {
      if (!(ACTION_ITEM_PRIORITIES as readonly string[]).includes(priority))
        return jsonError(400, 'priority must be P0–P3', { fieldErrors: { priority: ['P0–P3'] } });
      f.priority = priority as ActionItemPriority;
    }
    return NextResponse.json({ actionItems: await listActionItems(db, f) });
  });
}
