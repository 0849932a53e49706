import { eq } from 'drizzle-orm';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { clearLoginFailures, isLoginBlocked, recordLoginFailure } from '@/db/identity/login-limit';
import { users } from '@/db/schema';
import { dummyHash, verifyPassword } from '@/lib/auth/password';
import { authSecret } from '@/lib/auth/secret';
import { env, oidcConfigured } from '@/lib/env';

const GENERIC_FAILURE = 'Invalid email or password';

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.['x-forwarded-for'];
  const first = typeof fwd === 'string' ? fwd.split(',')[0]?.trim() : undefined;
  return first || String(headers?.['x-real-ip'] ?? 'local');
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  async authorize(creds, req) {
    const email = String(creds?.email ?? '')
      .trim()
      .toLowerCase();
    const password = String(creds?.password ?? '');
    if (!email || !password) throw new Error(GENERIC_FAILURE);
    const db = await getDb();
    const limit = { maxFailures: env().LOGIN_MAX_FAILURES, windowMinutes: env().LOGIN_WINDOW_MINUTES };
    const keys = [`email:${email}`, `ip:${clientAddress(req?.headers)}`];
    if (await isLoginBlocked(db, keys, limit)) {
      throw new Error(`Too many failed sign-ins. Try again in ${limit.windowMinutes} minutes.`);
    }
    const [user] = await db.select().from(users).where(eq(users.email, email));
    // Compare against a dummy hash for unknown users so timing does not reveal who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user?.passwordHash || !ok || user.disabled) {
      await recordLoginFailure(db, keys, limit);
      throw new Error(GENERIC_FAILURE);
    }
    await clearLoginFailures(db, `email:${email}`);
    await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    return { id: user.id, email: user.email, name: user.name };
  },
});

function oidcProvider(): AuthOptions['providers'][number] {
  const e = env();
  return {
    id: 'oidc',
    name: e.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${e.OIDC_ISSUER?.replace(/\/$/, '')}/.well-known/openid-configuration`,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string }) {
      return {
        id: profile.sub,
        email: profile.email,
        name: profile.name ?? profile.preferred_username ?? profile.email,
      };
    },
  };
}

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: oidcConfigured() ? [credentials, oidcProvider()] : [credentials],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        // OIDC users are provisioned on first sign-in with the configured default role.
        const email = user.email?.toLowerCase();
        if (!email) return false;
        const db = await getDb();
        const [row] = await db
          .insert(users)
          .values({ email, name: user.name ?? email, role: env().OIDC_DEFAULT_ROLE })
          .onConflictDoUpdate({ target: users.email, set: { lastLoginAt: new Date() } })
          .returning();
        if (row.disabled) return false;
        user.id = row.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = String(token.uid ?? '');
        return session;
      },
    },
  };
}
