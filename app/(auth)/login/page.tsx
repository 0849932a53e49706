import { Boxes } from 'lucide-react';
import { redirect } from 'next/navigation';
import { env, isEmbedded, oidcConfigured } from '@/lib/env';
import { safeCallbackPath } from '@/lib/http/safe-path';
import { currentUser } from '@/server/guard';
import { LoginForm } from './client';

export const metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  if (await currentUser()) redirect('/');
  const { error, callbackUrl } = await searchParams;
  return (
    <div className="flex min-h-screen items-center justify-center bg-muted/40 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-xl font-semibold">
          <Boxes className="size-6 text-primary" aria-hidden /> SRE Portal
        </div>
        <div className="rounded-lg border bg-card p-6 shadow-sm">
          <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
          <p className="mb-5 text-sm text-muted-foreground">
            Use your portal account{oidcConfigured() ? ' or single sign-on' : ''}.
          </p>
          <LoginForm
            initialError={error ? 'Sign-in failed. Check your details and try again.' : undefined}
            callbackUrl={safeCallbackPath(callbackUrl)}
            oidcName={oidcConfigured() ? env().OIDC_NAME : undefined}
          />
        </div>
        {isEmbedded() && (
          <p className="mt-4 text-center text-xs text-muted-foreground">
            Embedded database. Demo accounts are listed in the README.
          </p>
        )}
      </div>
    </div>
  );
}
