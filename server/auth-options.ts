import { eq, sql } from 'drizzle-orm';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { clearLoginFailures, recordLoginFailure } from '@/db/identity/login-limit';
import { signInWait } from '@/db/identity/sign-in-throttle';
import { users } from '@/db/schema';
import { clientAddress, parseTrustedProxies } from '@/lib/auth/client-address';
import { dummyHash, verifyPassword } from '@/lib/auth/password';
import { authSecret } from '@/lib/auth/secret';
import { env, oidcConfigured } from '@/lib/env';
import { safeCallbackPath } from '@/lib/http/safe-path';
import { textProblem } from '@/lib/validation/params';
import { decodeSession, encodeSession } from './session-jwt';

const GENERIC_FAILURE = 'Invalid email or password';

const UNAVAILABLE = 'Sign-in is unavailable right now; try again in a moment';

/** A refusal whose message is meant for the person signing in. */
class SignInRefused extends Error {}

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
    if (textProblem(email, 320) || textProblem(password, 1_000)) throw new Error(GENERIC_FAILURE);
    try {
      return await checkPassword(email, password, req?.headers);
    } catch (err) {
      if (err instanceof SignInRefused) throw new Error(err.message);
      // The database's own words (SQL, parameters) go to the log, never to the client.
      console.error('sign-in failed', err);
      throw new Error(UNAVAILABLE);
    }
  },
});

async function checkPassword(email: string, password: string, headers: Record<string, unknown> | undefined) {
  const db = await getDb();
  const limit = { maxFailures: env().LOGIN_MAX_FAILURES, windowMinutes: env().LOGIN_WINDOW_MINUTES };
  const address = clientAddress(headers, parseTrustedProxies(env().TRUSTED_PROXIES));
  const wait = await signInWait(db, email, address, limit);
  if (wait > 0) {
    throw new SignInRefused(
      wait >= 120
        ? `Too many failed sign-ins from this address. Try again in ${Math.ceil(wait / 60)} minutes.`
        : `Too many failed sign-ins for this account. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    );
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  // Compare against a dummy hash for unknown users so timing does not reveal who exists.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user?.passwordHash || !ok || user.disabled) {
    await recordLoginFailure(db, [`email:${email}`, `ip:${address}`], limit);
    throw new SignInRefused(GENERIC_FAILURE);
  }
  await clearLoginFailures(db, `email:${email}`);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

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

/** Ends every session of a user on the server: cookies issued before are refused from now on. */
export async function endSessions(userId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return;
  try {
    const db = await getDb();
    await db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
  } catch (err) {
    console.error('sign-out: could not end the session on the server', err);
  }
}

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    jwt: { encode: encodeSession, decode: decodeSession },
    pages: { signIn: '/login', error: '/login' },
    providers: oidcConfigured() ? [credentials, oidcProvider()] : [credentials],
    callbacks: {
      // After sign-in and sign-out only same-origin paths (SPEC 7): never `/\\host` or `/%09/host`.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, '/', baseUrl)}`;
      },
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
        (user as { sessionVersion?: number }).sessionVersion = row.sessionVersion;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = String(token.uid ?? '');
        // The session version the cookie was issued with; currentUser() compares it (sign-out bumps it).
        (session as { sv?: number }).sv = Number(token.sv ?? 0);
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSessions(String(token?.uid ?? ''));
      },
    },
  };
}
