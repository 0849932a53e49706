import { exportPostmortemMarkdown } from '@/db/incidents/export';
import { jsonError, withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/** The postmortem as a Markdown download for a signed-in user (the API has /api/v1/postmortems/{id}.md). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withSession('viewer', async ({ db }) => {
    const { id } = await params;
    const markdown = await exportPostmortemMarkdown(db, id);
    if (markdown === null) return jsonError(404, 'Postmortem not found');
    return new Response(markdown, {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="postmortem-${id}.md"`,
      },
    });
  });
}
