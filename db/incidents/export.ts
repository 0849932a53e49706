import type { Executor } from '@/db/client';
import { postmortemMarkdown } from '@/lib/incidents/postmortem-template';
import { listActionItems } from './action-items';
import { getPostmortem } from './postmortems';

/** The postmortem as Markdown, with its tracked action items. */
export async function exportPostmortemMarkdown(db: Executor, id: string): Promise<string | null> {
  const pm = await getPostmortem(db, id);
  if (!pm) return null;
  const items = await listActionItems(db, { postmortemId: id });
  return postmortemMarkdown({
    title: pm.title,
    status: pm.status,
    sections: pm.sections,
    incident: pm.incident,
    actionItems: items.map((i) => ({ ...i, owner: i.owner })),
  });
}
