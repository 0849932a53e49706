// Who did something: a signed-in user, an API token, or the system (seed, sync).
export type Actor =
  | { type: 'user'; id: string; label: string }
  | { type: 'token'; id: string; label: string }
  | { type: 'system'; label: string };

export const SYSTEM_ACTOR: Actor = { type: 'system', label: 'system' };
