export const ROLES = ['viewer', 'engineer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, engineer: 1, admin: 2 };

/** viewer reads; engineer writes operational data; admin manages users, teams, tokens, settings (SPEC 1.1). */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const TOKEN_SCOPES = ['read', 'sli:write', 'toil:write', 'incidents:write', 'capacity:write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
