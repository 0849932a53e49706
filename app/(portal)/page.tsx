import { count } from 'drizzle-orm';
import { ArrowRight } from 'lucide-react';
import Link from 'next/link';
import { NAV_SECTIONS } from '@/components/layout/nav';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { services, teams, users } from '@/db/schema';
import { pageContext } from '@/server/guard';

export const metadata = { title: 'Home' };

export default async function HomePage() {
  const { db, user } = await pageContext();
  const [[s], [t], [u]] = await Promise.all([
    db.select({ n: count() }).from(services),
    db.select({ n: count() }).from(teams),
    db.select({ n: count() }).from(users),
  ]);
  const stats = [
    { label: 'Services', value: s.n, href: '/catalog/services' },
    { label: 'Teams', value: t.n, href: '/catalog/teams' },
    { label: 'Users', value: u.n, href: user.role === 'admin' ? '/settings/users' : undefined },
  ];
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(' ')[0]}`}
        description="Your organisation's reliability practice in one place."
      />
      <div className="mb-8 grid gap-4 sm:grid-cols-3">
        {stats.map((st) => (
          <Card key={st.label}>
            <CardHeader>
              <CardDescription>{st.label}</CardDescription>
              <CardTitle className="text-3xl tabular-nums">{st.value}</CardTitle>
            </CardHeader>
            {st.href && (
              <CardContent>
                <Link
                  href={st.href}
                  className="inline-flex items-center gap-1 text-sm text-primary hover:underline"
                >
                  View all <ArrowRight className="size-3.5" aria-hidden />
                </Link>
              </CardContent>
            )}
          </Card>
        ))}
      </div>
      <h2 className="mb-3 text-sm font-medium uppercase tracking-wide text-muted-foreground">Modules</h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {NAV_SECTIONS.filter((sec) => sec.title === 'Reliability' || sec.title === 'Operations')
          .flatMap((sec) => sec.items)
          .map(({ href, label, icon: Icon }) => (
            <Link key={href} href={href}>
              <Card className="transition-colors hover:bg-accent/50">
                <CardHeader className="flex-row items-center gap-3 p-4">
                  <Icon className="size-5 text-primary" aria-hidden />
                  <CardTitle className="text-base">{label}</CardTitle>
                </CardHeader>
              </Card>
            </Link>
          ))}
      </div>
    </>
  );
}
