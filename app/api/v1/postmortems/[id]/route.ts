import { exportPostmortemMarkdown } from '@/db/incidents/export';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/postmortems/{id}.md (scope read): the postmortem as a Markdown document. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    const { id } = await params;
    if (!id.endsWith('.md')) return jsonError(404, 'Ask for /api/v1/postmortems/{id}.md');
    const markdown = await exportPostmortemMarkdown(db, id.slice(0, -3));
    if (markdown === null) return jsonError(404, 'Postmortem not found');
    return new Response(markdown, {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="postmortem-${id}"`,
      },
    });
  });
}
