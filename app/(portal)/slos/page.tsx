import { ComingSoon } from '@/components/layout/coming-soon';
import { requirePageUser } from '@/lib/auth/guard';

export const metadata = { title: 'SLOs' };

export default async function Page() {
  await requirePageUser();
  return (
    <ComingSoon
      title="SLOs"
      what="Service level objectives with error budgets, burn-rate alerts, the deploy gate and dashboards. This module is being built next."
    />
  );
}
