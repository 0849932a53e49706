import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/lib/auth/guard';

export const metadata = { title: 'Toil' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Toil"
      what="Log toil in seconds and see each team's toil against the 50% cap, with automation candidates ranked by payback."
    />
  );
}
