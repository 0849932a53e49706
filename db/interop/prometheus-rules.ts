import type { Executor } from '@/db/client';
import { getSloRow, listSloRows, prometheusQueries, type SloRow } from '@/db/slo/slos';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { type RuleOptions, type RuleSlo, rulesYaml } from '@/lib/prometheus/rules';
import { windowOf } from '@/lib/validation/slo';

function toRuleSlo(row: SloRow, baseUrl: string): RuleSlo | null {
  const q = prometheusQueries(row);
  if (!q) return null;
  return {
    slug: row.slug,
    name: row.name,
    serviceSlug: row.serviceSlug,
    target: row.target,
    window: windowOf(row),
    budgetingMethod: row.budgetingMethod,
    timesliceTarget: row.timesliceTarget,
    goodQuery: q.goodQuery,
    totalQuery: q.totalQuery,
    badQuery: q.badQuery,
    alertMinEvents: row.alertMinEvents,
    runbookUrl: row.runbookUrl,
    portalUrl: `${baseUrl.replace(/\/$/, '')}/slos/${row.slug}`,
  };
}

/** The rule file of one SLO; only Prometheus-sourced SLOs have counters to write rules over. */
export async function rulesForSlo(
  db: Executor,
  slug: string,
  baseUrl: string,
  opts: RuleOptions = {},
): Promise<string> {
  const row = await getSloRow(db, slug);
  if (!row) throw new NotFoundError(`SLO "${slug}"`);
  const rule = toRuleSlo(row, baseUrl);
  if (!rule) {
    throw new ValidationError('No Prometheus source', {
      sourceType: [
        'This SLO receives pushed samples; rules need its Prometheus counter selectors (set the source to Prometheus)',
      ],
    });
  }
  return rulesYaml([rule], new Date(), opts);
}

export async function rulesForAll(db: Executor, baseUrl: string, opts: RuleOptions = {}): Promise<string> {
  const rules = (await listSloRows(db))
    .map((r) => toRuleSlo(r, baseUrl))
    .filter((r): r is RuleSlo => r !== null);
  return rulesYaml(rules, new Date(), opts);
}
