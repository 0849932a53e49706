import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Postmortems' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Postmortems"
      what="Blameless postmortems prefilled from incidents, with autosave, review and full-text search."
    />
  );
}
