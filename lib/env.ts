import path from 'node:path';
import { z } from 'zod';

// Every environment variable the portal reads, validated in one place (README "Configuration").
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().default('./.data/pglite'),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  ADMIN_EMAIL: z.string().email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('Single sign-on'),
  OIDC_DEFAULT_ROLE: z.enum(['viewer', 'engineer', 'admin']).default('viewer'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed (README "Sign-in limit"). */
  TRUSTED_PROXIES: z.string().default(''),
  SLI_RAW_RETENTION_DAYS: z.coerce.number().int().min(7).default(400),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${detail}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function pgliteDir(): string {
  const dir = env().PGLITE_DATA_DIR;
  return dir.startsWith('memory://') ? dir : path.resolve(dir);
}

export function isEmbedded(): boolean {
  return !env().DATABASE_URL;
}

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
