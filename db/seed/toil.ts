import { inArray, sql } from 'drizzle-orm';
import { mutate } from '@/db/platform/mutation';
import { ensureToilCategories } from '@/db/toil/categories';
import type { Automatable } from '@/lib/toil/aggregates';
import { addDays, isoDay } from '@/lib/toil/periods';
import type { DB } from '../client';
import {
  services,
  teamMembers,
  teams,
  toilAutomationEstimates,
  toilCategories,
  toilEntries,
  users,
} from '../schema';

type Task = [
  task: string,
  category: string,
  service: string | null,
  minutes: number,
  automatable: Automatable,
  /** Relative frequency within the team. */
  weight: number,
  /** Chance the work interrupted someone (alerts, pings). */
  interrupt: number,
];

interface TeamToilPlan {
  team: string;
  /** Toil minutes per week the team logs: Data is the team above the 50% cap. */
  weeklyMinutes: number;
  tasks: Task[];
}

// Capacity per week: Platform 6 × 40 h = 14,400 min, Payments 9,600, Storefront 14,400, Data 7,200.
const PLANS: TeamToilPlan[] = [
  {
    team: 'platform',
    weeklyMinutes: 4900, // ≈ 34%
    tasks: [
      ['Rotate TLS certificates on the edge', 'certificate-rotation', 'api-gateway', 45, 'full', 3, 0],
      ['Scale node pools for traffic peaks', 'scaling', 'k8s-platform', 30, 'full', 4, 0.3],
      ['Triage noisy disk-pressure alerts', 'alert-triage', 'k8s-platform', 20, 'partial', 8, 0.8],
      ['Grant cluster access to a new engineer', 'access-requests', 'k8s-platform', 15, 'full', 5, 0.5],
      ['Restart stuck ingress controller pods', 'incident-follow-up', 'api-gateway', 25, 'partial', 3, 0.7],
      ['Bump rate-limit config for a partner', 'configuration-changes', 'api-gateway', 20, 'partial', 4, 0.4],
      ['Manual canary promotion', 'deployments', 'auth-service', 35, 'full', 5, 0],
      ['Rotate service-account keys', 'certificate-rotation', 'auth-service', 40, 'full', 1, 0],
    ],
  },
  {
    team: 'payments',
    weeklyMinutes: 3900, // ≈ 41%
    tasks: [
      ['Reconcile failed captures by hand', 'data-fixes', 'payments-processor', 60, 'partial', 6, 0.3],
      ['Retry stuck invoice batch', 'incident-follow-up', 'billing-worker', 30, 'full', 5, 0.6],
      ['Triage acquirer timeout alerts', 'alert-triage', 'payments-processor', 20, 'partial', 7, 0.9],
      ['Hand-run checkout deploy with feature flags', 'deployments', 'checkout-api', 45, 'full', 4, 0],
      ['Refund requests from support', 'data-fixes', 'checkout-api', 15, 'partial', 6, 0.7],
      ['Rotate acquirer API credentials', 'certificate-rotation', 'payments-processor', 50, 'full', 1, 0],
      ['PCI access review tickets', 'access-requests', null, 25, 'none', 2, 0],
    ],
  },
  {
    team: 'storefront',
    weeklyMinutes: 2900, // ≈ 20%
    tasks: [
      ['Purge CDN cache after a bad release', 'deployments', 'web-frontend', 15, 'full', 5, 0.5],
      ['Reindex search after catalog import', 'database-maintenance', 'search-api', 40, 'full', 4, 0],
      ['Triage 5xx spikes on search', 'alert-triage', 'search-api', 20, 'partial', 5, 0.8],
      ['Fix product prices by SQL', 'data-fixes', 'catalog-api', 30, 'partial', 3, 0.4],
      ['Update feature-flag targeting', 'configuration-changes', 'web-frontend', 15, 'none', 3, 0.2],
    ],
  },
  {
    team: 'data',
    weeklyMinutes: 4550, // ≈ 63%: above the cap
    tasks: [
      ['Re-run failed nightly warehouse load', 'incident-follow-up', 'warehouse-etl', 55, 'full', 8, 0.5],
      ['Resize Kafka partitions for lag', 'scaling', 'events-pipeline', 45, 'partial', 4, 0.6],
      ['Triage consumer-lag alerts', 'alert-triage', 'events-pipeline', 20, 'partial', 8, 0.9],
      ['Vacuum and reindex warehouse tables', 'database-maintenance', 'warehouse-etl', 60, 'full', 3, 0],
      ['Restore deleted dataset from backup', 'backup-restore', 'warehouse-etl', 90, 'partial', 1, 0.4],
      ['Resend bounced notification batch', 'data-fixes', 'notifications', 25, 'full', 5, 0.5],
      ['Grant warehouse read access', 'access-requests', null, 10, 'full', 5, 0.6],
    ],
  },
];

const ESTIMATES: Array<[team: string | null, task: string, hours: number]> = [
  [null, 'Manual canary promotion', 160],
  [null, 'Hand-run checkout deploy with feature flags', 160],
  [null, 'Rotate TLS certificates on the edge', 60],
  [null, 'Re-run failed nightly warehouse load', 80],
  [null, 'Reconcile failed captures by hand', 240],
  [null, 'Scale node pools for traffic peaks', 100],
  [null, 'Reindex search after catalog import', 40],
  ['data', 'Triage consumer-lag alerts', 120],
  ['platform', 'Grant cluster access to a new engineer', 40],
  ['platform', 'Triage noisy disk-pressure alerts', 80],
];

/** A small deterministic PRNG: the demo looks the same on every machine. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  let x = r * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    x -= weights[i];
    if (x <= 0) return items[i];
  }
  return items[items.length - 1];
}

type EntryRow = typeof toilEntries.$inferInsert;

function planEntries(
  plan: TeamToilPlan,
  ctx: {
    teamId: string;
    members: string[];
    favourite?: string;
    category: Map<string, string>;
    service: Map<string, string>;
  },
  today: string,
  random: () => number,
): EntryRow[] {
  const rows: EntryRow[] = [];
  const weights = plan.tasks.map((t) => t[5]);
  for (let back = 55; back >= 0; back--) {
    const date = addDays(today, -back);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    // Weekdays carry the load; weekends only on-call work, logged as after hours.
    let budget = (plan.weeklyMinutes / (weekend ? 40 : 5.2)) * (0.8 + random() * 0.4);
    while (budget > 0) {
      const [task, category, service, typical, automatable, , interrupt] = pick(
        plan.tasks,
        weights,
        random(),
      );
      const minutes = Math.max(5, Math.round((typical * (0.6 + random() * 0.8)) / 5) * 5);
      budget -= minutes;
      const userId =
        ctx.favourite && random() < 0.3
          ? ctx.favourite
          : ctx.members[Math.floor(random() * ctx.members.length)];
      const hour = String(8 + Math.floor(random() * 10)).padStart(2, '0');
      const minute = String(Math.floor(random() * 60)).padStart(2, '0');
      // Today's entries are never logged "later than now".
      const createdAt = new Date(Math.min(Date.parse(`${date}T${hour}:${minute}:00Z`), Date.now() - 60_000));
      rows.push({
        userId,
        teamId: ctx.teamId,
        date,
        task,
        categoryId: ctx.category.get(category) as string,
        minutes,
        serviceId: service ? (ctx.service.get(service) ?? null) : null,
        interrupt: random() < interrupt,
        afterHours: weekend || random() < 0.08,
        automatable,
        notes: random() < 0.1 ? 'Same as last time; see the runbook.' : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  return rows;
}

/** Eight weeks of believable toil for every demo team; Data is above the cap. Idempotent. */
export async function seedToil(db: DB): Promise<void> {
  await ensureToilCategories(db);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(toilEntries);
  if (n > 0) return;
  const teamRows = await db
    .select({ id: teams.id, slug: teams.slug })
    .from(teams)
    .where(
      inArray(
        teams.slug,
        PLANS.map((p) => p.team),
      ),
    );
  const members = await db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId, email: users.email })
    .from(teamMembers)
    .innerJoin(users, sql`${users.id} = ${teamMembers.userId}`);
  const category = new Map((await db.select().from(toilCategories)).map((c) => [c.slug, c.id]));
  const service = new Map(
    (await db.select({ id: services.id, slug: services.slug }).from(services)).map((s) => [s.slug, s.id]),
  );
  const teamId = new Map(teamRows.map((t) => [t.slug, t.id]));
  const today = isoDay(new Date());
  const random = prng(20240601);
  const rows: EntryRow[] = [];
  for (const plan of PLANS) {
    const id = teamId.get(plan.team);
    const ofTeam = members.filter((m) => m.teamId === id);
    if (!id || ofTeam.length === 0) continue;
    const favourite = ofTeam.find((m) => m.email === 'engineer@demo.sre')?.userId;
    rows.push(
      ...planEntries(
        plan,
        { teamId: id, members: ofTeam.map((m) => m.userId), favourite, category, service },
        today,
        random,
      ),
    );
  }
  await mutate(db, { type: 'system', label: 'seed' }, async ({ tx }) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(toilEntries).values(rows.slice(i, i + 500));
    const estimates = ESTIMATES.filter(([team]) => team === null || teamId.has(team)).map(
      ([team, task, hours]) => ({
        teamId: team ? (teamId.get(team) as string) : null,
        taskKey: task.toLowerCase(),
        hours,
        updatedBy: 'seed',
      }),
    );
    await tx.insert(toilAutomationEstimates).values(estimates).onConflictDoNothing();
    return {
      result: undefined,
      change: {
        action: 'toil.seed',
        entityType: 'toil_entry',
        entityId: 'demo',
        after: { entries: rows.length },
      },
    };
  });
}
