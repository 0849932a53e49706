// The postmortem's prefilled text and its Markdown export (SPEC 1.3).

import { formatMinutes } from '@/lib/format';
import { incidentDurations } from './metrics';
import { emptySections, type PostmortemSections, SECTION_KEYS, SECTION_TITLES } from './types';

export interface PrefillIncident {
  number: number;
  title: string;
  severity: string;
  summary: string;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  services: { name: string }[];
  timeline: { at: Date; kind: string; authorLabel: string; text: string }[];
  alertName?: string | null;
  runbookUrl?: string | null;
}

export interface PrefillBudget {
  name: string;
  text: string;
}

export const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A Markdown line that cannot open HTML or break out of its list item. */
const inline = (s: string) =>
  s.replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

export function prefillSections(
  incident: PrefillIncident,
  budgets: PrefillBudget[],
  now: Date,
): PostmortemSections {
  const s = emptySections();
  const d = incidentDurations(incident);
  const duration = formatMinutes(d.ttr ?? (now.getTime() - incident.startedAt.getTime()) / 60_000);
  s.summary = incident.summary || `${incident.severity} incident INC-${incident.number}: ${incident.title}.`;
  const lines = [
    `- **Duration:** ${duration} (${utc(incident.startedAt)} → ${incident.resolvedAt ? utc(incident.resolvedAt) : 'ongoing'})`,
    `- **Services:** ${incident.services.map((x) => x.name).join(', ') || 'none recorded'}`,
  ];
  if (budgets.length) {
    lines.push('', '**Error budget consumed:**', '');
    for (const b of budgets) lines.push(`- ${inline(b.name)}: ${b.text}`);
  }
  lines.push('', 'Who was affected, how many requests failed, what users saw:');
  s.impact = lines.join('\n');
  s.fiveWhys = ['1. Why did it happen?', '2. Why?', '3. Why?', '4. Why?', '5. Why?'].join('\n');
  const tx = (m: number | null) => (m === null ? '—' : formatMinutes(m));
  s.detection = `Time to detect: ${tx(d.ttd)}. Time to acknowledge: ${tx(d.tta)}.${incident.alertName ? ` Alert: ${inline(incident.alertName)}.` : ''}`;
  s.response = `Time to mitigate: ${tx(d.ttm)}. Time to resolve: ${tx(d.ttr)}.`;
  s.timeline = incident.timeline
    .map((e) => `- ${utc(e.at)} — ${inline(e.text)} _(${e.kind}, ${inline(e.authorLabel)})_`)
    .join('\n');
  s.links = [
    `- Incident INC-${incident.number}`,
    ...(incident.runbookUrl ? [`- [Runbook](${incident.runbookUrl})`] : []),
  ].join('\n');
  return s;
}

export interface ExportPostmortem {
  title: string;
  status: string;
  sections: PostmortemSections;
  incident: { number: number; severity: string };
  actionItems: {
    title: string;
    type: string;
    priority: string;
    status: string;
    owner: string | null;
    dueDate: string | null;
    trackerUrl: string | null;
  }[];
}

/** The whole postmortem as one Markdown document; action items from the tracked list. */
export function postmortemMarkdown(pm: ExportPostmortem): string {
  const out = [
    `# ${inline(pm.title)}`,
    '',
    `INC-${pm.incident.number} · ${pm.incident.severity} · ${pm.status.replace('_', ' ')}`,
    '',
  ];
  for (const key of SECTION_KEYS) {
    out.push(`## ${SECTION_TITLES[key]}`, '', pm.sections[key]?.trim() || '_(empty)_', '');
    if (key === 'lucky') {
      out.push('## Action items', '');
      if (pm.actionItems.length === 0) out.push('_(none)_');
      out.push(
        ...pm.actionItems.map(
          (a) =>
            `- [${a.status === 'done' ? 'x' : ' '}] **${a.priority}** ${inline(a.title)} (${a.type}${a.owner ? `, ${inline(a.owner)}` : ''}${a.dueDate ? `, due ${a.dueDate}` : ''})${a.trackerUrl ? ` — <${a.trackerUrl}>` : ''}`,
        ),
      );
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
