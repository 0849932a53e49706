import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth-options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so the secret is read at run time, never during `next build`.
async function handler(req: Request, ctx: RouteContext) {
  return NextAuth(authOptions())(req, { params: await ctx.params });
}

export { handler as GET, handler as POST };
