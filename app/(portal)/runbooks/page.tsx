import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Runbooks' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Runbooks"
      what="Markdown runbooks linked to alerts and services, with search, revisions and review reminders."
    />
  );
}
