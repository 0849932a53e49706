/** The alert names the generated SLO rules fire (lib/prometheus/rules.ts): page and ticket tiers. */
export const SLO_ALERT_NAMES = ['SLOErrorBudgetBurnPage', 'SLOErrorBudgetBurnTicket'] as const;

/** Where an alert's `runbook_url` annotation points when its SLO names no runbook of its own. */
export function runbookUrlForAlert(portalBase: string, alertname: string, service?: string): string {
  const base = portalBase.replace(/\/+$/, '');
  const query = service ? `?service=${encodeURIComponent(service)}` : '';
  return `${base}/runbooks/by-alert/${encodeURIComponent(alertname)}${query}`;
}
