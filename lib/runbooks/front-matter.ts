// Runbooks as markdown files with YAML front matter, for import and export (SPEC 1.6).
// gray-matter's `---js` front matter would evaluate code: only YAML (and JSON) are accepted.
import matter from 'gray-matter';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { ALERT_NAME, MAX_BODY_CHARS, slugify } from './validation';

export interface RunbookFile {
  slug: string;
  title: string;
  /** Service slug, resolved against the catalog by the importer. */
  service: string | null;
  /** Owner team slug. */
  team: string | null;
  alerts: string[];
  reviewIntervalDays: number;
  lastReviewedAt: Date | null;
  lastReviewedBy: string | null;
  body: string;
}

export type ParsedRunbookFile =
  | { ok: true; value: RunbookFile; warnings: string[] }
  | { ok: false; errors: string[] };

const KNOWN_KEYS = [
  'title',
  'slug',
  'service',
  'team',
  'alerts',
  'review_interval_days',
  'last_reviewed',
  'last_reviewed_by',
];

const refuseCode = () => {
  throw new Error('Only YAML front matter is accepted');
};
const ENGINES = {
  yaml: (s: string) => parseYaml(s, { schema: 'core', maxAliasCount: 50 }) as object,
  json: (s: string) => JSON.parse(s) as object,
  js: refuseCode,
  javascript: refuseCode,
  coffee: refuseCode,
  coffeescript: refuseCode,
};

const optionalSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug like checkout-api')
  .nullish()
  .transform((v) => v || null);

const frontMatter = z.object({
  title: z.string({ message: 'is required' }).trim().min(1, 'is required').max(200, 'at most 200 characters'),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes')
    .max(63, 'at most 63 characters')
    .optional(),
  service: optionalSlug,
  team: optionalSlug,
  alerts: z
    .union([z.string(), z.array(z.string({ message: 'a list of alert names' }))])
    .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(ALERT_NAME, 'alert names are letters, digits, _ : . -')).max(50))
    .default([]),
  review_interval_days: z.coerce
    .number({ message: 'a number of days' })
    .int('whole days')
    .min(1, 'at least 1')
    .max(3650, 'at most 3650')
    .default(90),
  last_reviewed: z
    .union([z.string(), z.date()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === '') return null;
      const d = v instanceof Date ? v : new Date(v);
      if (Number.isNaN(d.getTime()) || (typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(v))) {
        ctx.addIssue({ code: 'custom', message: 'a date like 2026-11-01' });
        return z.NEVER;
      }
      if (d.getTime() > Date.now() + 86_400_000) {
        ctx.addIssue({ code: 'custom', message: 'cannot be in the future' });
        return z.NEVER;
      }
      return d;
    }),
  last_reviewed_by: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
});

/** Parses one markdown file; `filename` gives the slug when the front matter has none. */
export function parseRunbookFile(text: string, filename: string): ParsedRunbookFile {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL never belongs in a runbook
  if (/\u0000/.test(text)) return { ok: false, errors: ['contains NUL bytes: not a text file'] };
  if (text.length > MAX_BODY_CHARS + 10_000) return { ok: false, errors: ['file is too large'] };
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    parsed = matter(source, { engines: ENGINES, language: 'yaml' });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    return { ok: false, errors: [`front matter: ${reason}`] };
  }
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    return { ok: false, errors: ['front matter must be a YAML mapping'] };
  const result = frontMatter.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`),
    };
  }
  const fm = result.data;
  const body = parsed.content.replace(/^\n+/, '');
  if (body.length > MAX_BODY_CHARS) return { ok: false, errors: ['body: too long'] };
  const base =
    filename
      .split('/')
      .pop()
      ?.replace(/\.(md|markdown)$/i, '') ?? '';
  const warnings = Object.keys(data)
    .filter((k) => !KNOWN_KEYS.includes(k))
    .map((k) => `unknown front matter key "${k}" ignored`);
  return {
    ok: true,
    warnings,
    value: {
      slug: fm.slug ?? slugify(base || fm.title),
      title: fm.title,
      service: fm.service,
      team: fm.team,
      alerts: [...new Set(fm.alerts)],
      reviewIntervalDays: fm.review_interval_days,
      lastReviewedAt: fm.last_reviewed,
      lastReviewedBy: fm.last_reviewed_by,
      body,
    },
  };
}

/** One runbook as a markdown file with front matter; `parseRunbookFile` reads it back unchanged. */
export function runbookToMarkdown(r: RunbookFile): string {
  const data: Record<string, unknown> = { title: r.title, slug: r.slug };
  if (r.service) data.service = r.service;
  if (r.team) data.team = r.team;
  data.alerts = r.alerts;
  data.review_interval_days = r.reviewIntervalDays;
  if (r.lastReviewedAt) data.last_reviewed = r.lastReviewedAt.toISOString();
  if (r.lastReviewedBy) data.last_reviewed_by = r.lastReviewedBy;
  const yaml = stringifyYaml(data, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${r.body.endsWith('\n') ? r.body : `${r.body}\n`}`;
}
