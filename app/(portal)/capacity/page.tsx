import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Capacity' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="Capacity"
      what="Capacity resources with forecasts, time to exhaustion and order-by dates."
    />
  );
}
