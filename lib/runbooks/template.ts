// The sections every runbook starts from (SPEC 1.6), in the order an on-call reads them.
export const RUNBOOK_SECTIONS = [
  { heading: 'Overview', hint: 'What this alert or situation means, and the user impact.' },
  { heading: 'Symptoms', hint: 'What you see: alerts firing, dashboards, error messages.' },
  { heading: 'Prerequisites', hint: 'Access, tools and permissions you need before you start.' },
  { heading: 'Investigation', hint: 'Steps to find the cause, with the exact commands and queries.' },
  { heading: 'Mitigation', hint: 'How to stop the bleeding: rollbacks, failovers, scaling.' },
  { heading: 'Verification', hint: 'How to confirm the service has recovered.' },
  { heading: 'Escalation', hint: 'Who to call when this runbook does not help, and when.' },
] as const;

/** The body a new runbook starts with. */
export function runbookTemplate(): string {
  return RUNBOOK_SECTIONS.map((s) => `## ${s.heading}\n\n_${s.hint}_\n`).join('\n');
}

/** Sections of the template a body does not have yet (case-insensitive `##` headings). */
export function missingSections(body: string): string[] {
  const headings = new Set(
    [...body.matchAll(/^#{1,3}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1].trim().toLowerCase()),
  );
  return RUNBOOK_SECTIONS.map((s) => s.heading).filter((h) => !headings.has(h.toLowerCase()));
}
