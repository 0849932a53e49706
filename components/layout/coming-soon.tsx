import { Construction } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

/** An honest placeholder for a module that is specified but not built yet: no fake data. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} crumbs={[{ label: 'Home', href: '/' }, { label: title }]} />
      <EmptyState icon={Construction} title={`${title} is coming soon`}>
        {what}
      </EmptyState>
    </>
  );
}
