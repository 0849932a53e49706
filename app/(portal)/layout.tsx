import { Suspense } from 'react';
import { DeletedToast } from '@/components/forms/deleted-toast';
import { MobileNav } from '@/components/layout/mobile-nav';
import { Sidebar } from '@/components/layout/sidebar';
import { ThemeToggle, UserMenu } from '@/components/layout/user-menu';
import { requirePageUser } from '@/server/guard';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="flex min-h-screen">
      <Sidebar role={user.role} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print sticky top-0 z-30 flex h-14 items-center justify-between gap-2 border-b bg-background/90 px-4 backdrop-blur md:px-6">
          <MobileNav role={user.role} />
          <div className="flex-1" />
          <ThemeToggle />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">{children}</main>
        <Suspense>
          <DeletedToast />
        </Suspense>
      </div>
    </div>
  );
}
