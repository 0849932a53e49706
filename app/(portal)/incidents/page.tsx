import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Incidents' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Incidents"
      what="Incidents opened from the UI or Alertmanager, with roles, timelines and MTTA / MTTR."
    />
  );
}
