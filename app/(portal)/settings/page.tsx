import { Activity, BellRing, Hammer, KeyRound, ScrollText, UserCog } from 'lucide-react';
import Link from 'next/link';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Settings' };

const SECTIONS = [
  {
    href: '/settings/users',
    title: 'Users and roles',
    icon: UserCog,
    text: 'Who can sign in, and whether they read, operate or administer.',
  },
  {
    href: '/settings/tokens',
    title: 'API tokens',
    icon: KeyRound,
    text: 'Scoped tokens for CI pipelines, ingesters and bots.',
  },
  {
    href: '/settings/audit',
    title: 'Audit log',
    icon: ScrollText,
    text: 'Every change: who, what, when, before and after.',
  },
  {
    href: '/toil/settings',
    title: 'Toil cap and categories',
    icon: Hammer,
    text: 'The toil cap teams are held to, and the categories engineers log against.',
  },
  {
    href: '/settings/prometheus',
    title: 'Prometheus data source',
    icon: Activity,
    text: 'Where Prometheus-sourced SLOs pull their SLIs from.',
  },
  {
    href: '/settings/alerts',
    title: 'Alerts and notifications',
    icon: BellRing,
    text: 'Fast-burn freeze, Alertmanager and webhook delivery of SLO alerts, and delivery health.',
  },
];

export default async function SettingsPage() {
  await requirePageUser('admin');
  return (
    <>
      <PageHeader title="Settings" crumbs={[{ label: 'Settings' }]} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map(({ href, title, icon: Icon, text }) => (
          <Link key={href} href={href}>
            <Card className="h-full transition-colors hover:bg-accent/50">
              <CardHeader>
                <Icon className="mb-2 size-5 text-primary" aria-hidden />
                <CardTitle>{title}</CardTitle>
                <CardDescription>{text}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
