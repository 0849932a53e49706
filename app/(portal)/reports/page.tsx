import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Reports' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Reports"
      what="The monthly SLA report for leadership: attainment, credits owed, incidents, toil and capacity."
    />
  );
}
