// The demo runbooks (SPEC 5): 15 runbooks for the demo services and the alerts their
// generated SLO rules fire (SLOErrorBudgetBurnPage / SLOErrorBudgetBurnTicket, lib/prometheus/rules.ts)
// plus the infrastructure alerts an SRE team also gets paged for. Some are overdue for review.
import type { DB } from '../client';
import { runbookRevisions, runbooks, services, teams } from '../schema';
import { DAY, type DemoRunbook, PAGE, RUNBOOKS, TICKET } from './runbook-catalog';

function bodyOf(r: DemoRunbook): string {
  return [
    `## Overview\n\n${r.overview}`,
    `## Symptoms\n\n${r.symptoms.map((s) => `- ${s}`).join('\n')}`,
    `## Prerequisites\n\n${r.prerequisites.map((s) => `- ${s}`).join('\n')}`,
    `## Investigation\n\n${r.investigation}`,
    `## Mitigation\n\n${r.mitigation}`,
    `## Verification\n\n${r.verification}`,
    `## Escalation\n\n${r.escalation}`,
  ]
    .join('\n\n')
    .concat('\n');
}

/** Idempotent: runbooks whose slug exists are left alone. */
export async function seedRunbooks(db: DB): Promise<void> {
  const now = Date.now();
  await db.transaction(async (tx) => {
    const [svcRows, teamRows] = await Promise.all([
      tx.select({ id: services.id, slug: services.slug }).from(services),
      tx.select({ id: teams.id, slug: teams.slug }).from(teams),
    ]);
    const serviceId = new Map(svcRows.map((s) => [s.slug, s.id]));
    const teamId = new Map(teamRows.map((t) => [t.slug, t.id]));
    const inserted = await tx
      .insert(runbooks)
      .values(
        RUNBOOKS.map((r) => {
          const written = new Date(now - r.writtenAgo * DAY);
          return {
            slug: r.slug,
            title: r.title,
            body: bodyOf(r),
            serviceId: r.service ? (serviceId.get(r.service) ?? null) : null,
            ownerTeamId: teamId.get(r.team) ?? null,
            alertNames: r.alerts,
            reviewIntervalDays: r.interval,
            lastReviewedAt: r.reviewedAgo === null ? null : new Date(now - r.reviewedAgo * DAY),
            lastReviewedBy: r.reviewedAgo === null ? null : (r.reviewer ?? null),
            updatedBy: r.reviewer ?? 'seed',
            createdAt: written,
            updatedAt: written,
            version: r.slug === 'checkout-error-budget-burn' ? 2 : 1,
          };
        }),
      )
      .onConflictDoNothing({ target: runbooks.slug })
      .returning();
    if (inserted.length === 0) return;
    const revisions = inserted.map((row) => ({
      runbookId: row.id,
      version: row.version,
      title: row.title,
      body: row.body,
      serviceId: row.serviceId,
      ownerTeamId: row.ownerTeamId,
      alertNames: row.alertNames,
      reviewIntervalDays: row.reviewIntervalDays,
      authorLabel: row.updatedBy,
      createdAt: row.createdAt,
    }));
    // The checkout runbook has a history: its first version lacked the rollback step.
    const checkout = inserted.find((r) => r.slug === 'checkout-error-budget-burn');
    const current = revisions.find((r) => r.runbookId === checkout?.id);
    if (checkout && current) {
      revisions.push({
        ...current,
        version: 1,
        title: 'Checkout API errors',
        body: checkout.body
          .replace(/- Bad deploy in the last hour[\s\S]*?```\n\n/, '')
          .replace('Customer support reports', 'Support reports'),
        alertNames: [PAGE, TICKET],
        authorLabel: 'mateo.garcia@demo.sre',
        createdAt: new Date(checkout.createdAt.getTime() - 60 * DAY),
      });
    }
    await tx.insert(runbookRevisions).values(revisions).onConflictDoNothing();
  });
}
