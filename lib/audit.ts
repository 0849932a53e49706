// Who did something: a signed-in user, an API token, or the system (seed, sync).
export type Actor =
  | { type: 'user'; id: string; label: string }
  | { type: 'token'; id: string; label: string }
  | { type: 'system'; label: string };

export const SYSTEM_ACTOR: Actor = { type: 'system', label: 'system' };

const ENTITY_NAMES: Record<string, string> = {
  slo: 'SLO',
  service: 'Service',
  team: 'Team',
  user: 'User',
  token: 'Token',
  toil_entry: 'Toil entry',
  toil_category: 'Toil category',
  correction: 'Correction',
  setting: 'Setting',
};

/**
 * What an audit row is about, as people name it: "SLO Checkout availability", "Toil entry Rotate
 * certificates". The name comes from the recorded after (or before) state; without one, the short id.
 */
export function auditEntityLabel(
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
): string {
  const kind =
    ENTITY_NAMES[entityType] ?? entityType.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  for (const state of [after, before]) {
    if (!state || typeof state !== 'object') continue;
    const s = state as Record<string, unknown>;
    const name = [s.name, s.task, s.title, s.email, s.key, s.slug, s.reason].find(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    if (name) return `${kind} ${name}`;
  }
  return `${kind} ${entityId.slice(0, 8)}`;
}
