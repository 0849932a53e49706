import { eq, inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { DB } from '../client';
import { services, teamMembers, teams, users } from '../schema';

export const DEMO_ACCOUNTS = [
  { email: 'engineer@demo.sre', name: 'Erin Engineer', role: 'engineer', password: 'demo-engineer' },
  { email: 'viewer@demo.sre', name: 'Victor Viewer', role: 'viewer', password: 'demo-viewer' },
] as const;

const TEAMS = [
  {
    slug: 'platform',
    name: 'Platform',
    description: 'Kubernetes, networking and the edge',
    members: ['Priya Natarajan', 'Tom Becker', 'Lena Fischer', 'Omar Haddad', 'Grace Kim'],
  },
  {
    slug: 'payments',
    name: 'Payments',
    description: 'Checkout, payment processing and billing',
    members: ['Daniel Osei', 'Sofia Rossi', 'Mateo García', 'Hannah Wright'],
  },
  {
    slug: 'storefront',
    name: 'Storefront',
    description: 'Web frontend, search and product catalog',
    members: ['Aiko Tanaka', 'Lucas Martin', 'Chloe Dubois', 'Noah Schmidt', 'Isabel Costa', 'Ravi Menon'],
  },
  {
    slug: 'data',
    name: 'Data',
    description: 'Event pipeline, warehouse and notifications',
    members: ['Elena Petrova', 'Jonas Berg', 'Fatima Zahra'],
  },
];

const SERVICES = [
  [
    'api-gateway',
    'API Gateway',
    'platform',
    0,
    'Edge routing, TLS termination and rate limiting',
    ['edge', 'public'],
  ],
  [
    'auth-service',
    'Auth Service',
    'platform',
    0,
    'Sign-in, sessions and tokens for every product',
    ['identity', 'public'],
  ],
  [
    'k8s-platform',
    'Kubernetes Platform',
    'platform',
    1,
    'The clusters every service runs on',
    ['infrastructure'],
  ],
  ['checkout-api', 'Checkout API', 'payments', 0, 'Cart to order: the money path', ['payments', 'public']],
  [
    'payments-processor',
    'Payments Processor',
    'payments',
    0,
    'Card authorisation and capture with the acquirers',
    ['payments', 'pci'],
  ],
  [
    'billing-worker',
    'Billing Worker',
    'payments',
    2,
    'Invoices and subscription renewals',
    ['payments', 'batch'],
  ],
  ['web-frontend', 'Web Frontend', 'storefront', 1, 'The shop people see', ['public', 'web']],
  ['search-api', 'Search API', 'storefront', 1, 'Product search and suggestions', ['public', 'search']],
  ['catalog-api', 'Catalog API', 'storefront', 2, 'Products, prices and stock', ['internal']],
  ['events-pipeline', 'Events Pipeline', 'data', 1, 'Kafka ingestion of product events', ['streaming']],
  ['warehouse-etl', 'Warehouse ETL', 'data', 3, 'Nightly loads into the warehouse', ['batch']],
  ['notifications', 'Notifications', 'data', 2, 'Email, SMS and push delivery', ['messaging']],
] as const;

const emailOf = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.')}@demo.sre`;

/** Teams, services and users. Idempotent: re-running adds nothing that exists. */
export async function seedCatalog(db: DB): Promise<void> {
  await db.transaction(async (tx) => {
    for (const acc of DEMO_ACCOUNTS) {
      await tx
        .insert(users)
        .values({
          email: acc.email,
          name: acc.name,
          role: acc.role,
          passwordHash: await hashPassword(acc.password),
        })
        .onConflictDoNothing({ target: users.email });
    }
    const memberRows = TEAMS.flatMap((t) =>
      t.members.map((name) => ({ email: emailOf(name), name, role: 'engineer' as const })),
    );
    await tx.insert(users).values(memberRows).onConflictDoNothing({ target: users.email });

    await tx
      .insert(teams)
      .values(TEAMS.map(({ slug, name, description }) => ({ slug, name, description })))
      .onConflictDoNothing({ target: teams.slug });
    const teamRows = await tx
      .select({ id: teams.id, slug: teams.slug })
      .from(teams)
      .where(
        inArray(
          teams.slug,
          TEAMS.map((t) => t.slug),
        ),
      );
    const teamId = new Map(teamRows.map((t) => [t.slug, t.id]));

    const userRows = await tx.select({ id: users.id, email: users.email }).from(users);
    const userId = new Map(userRows.map((u) => [u.email, u.id]));
    const [engineer] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS[0].email));
    const memberships = TEAMS.flatMap((t) => [
      ...t.members.map((name) => ({
        teamId: teamId.get(t.slug) as string,
        userId: userId.get(emailOf(name)) as string,
      })),
      ...(t.slug === 'platform' && engineer
        ? [{ teamId: teamId.get(t.slug) as string, userId: engineer.id }]
        : []),
    ]);
    await tx.insert(teamMembers).values(memberships).onConflictDoNothing();

    await tx
      .insert(services)
      .values(
        SERVICES.map(([slug, name, team, tier, description, tags]) => ({
          slug,
          name,
          description,
          tier,
          ownerTeamId: teamId.get(team) ?? null,
          tags: [...tags],
        })),
      )
      .onConflictDoNothing({ target: services.slug });
  });
}
