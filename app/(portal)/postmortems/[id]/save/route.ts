import { NextResponse } from 'next/server';
import { getPostmortem, savePostmortem } from '@/db/incidents/postmortems';
import { ConflictError } from '@/lib/errors';
import { jsonError, withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * PUT: one autosave of the postmortem editor, `{ title, sections, expectedVersion }`.
 * A stale version → 409 with the stored text, so the editor can show both to merge.
 */
export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withSession('engineer', async ({ db, actor }) => {
    const { id } = await params;
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return jsonError(400, 'Body is not valid JSON');
    }
    try {
      const saved = await savePostmortem(db, actor, id, body);
      return NextResponse.json({ version: saved.version, updatedAt: saved.updatedAt });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const current = await getPostmortem(db, id);
      return NextResponse.json(
        {
          error: err.message,
          current: current && {
            title: current.title,
            sections: current.sections,
            version: current.version,
            status: current.status,
          },
        },
        { status: 409 },
      );
    }
  });
}
