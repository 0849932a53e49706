import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Action items' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Action items"
      what="Every postmortem action item in one list, with owners, due dates and an overdue filter."
    />
  );
}
