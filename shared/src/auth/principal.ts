import { z } from 'zod';

/** Roles a person may hold; a role is always exercised inside a scope. */
export const Role = z.enum(['volunteer', 'organizer', 'merchant', 'admin']);
export type Role = z.infer<typeof Role>;

/** Memberships that activities may restrict their audience to. */
export const Tag = z.enum(['party_member', 'in_service_party_member', 'league_member']);
export type Tag = z.infer<typeof Tag>;

/** A scope names what a role applies to: `org:<id>`, `grid:<id>`, `merchant:<id>`, `alliance:<id>`. */
export type ScopeKind = 'org' | 'grid' | 'community' | 'merchant' | 'alliance';

export interface Principal {
  userId: string;
  name: string;
  roles: Role[];
  tags: Tag[];
  scopes: string[];
  gridId?: string;
}

/**
 * Cognito-compatible claims: groups carry roles; custom attributes are strings, so lists
 * are comma-separated, exactly as a Cognito ID token would carry them. A Cognito ID token
 * always carries `cognito:groups` as an array, so any other shape is refused, not guessed at.
 */
export const Claims = z.object({
  sub: z.string().min(1),
  name: z.string().default(''),
  'cognito:groups': z.array(z.string()).default([]),
  'custom:tags': z.string().default(''),
  'custom:scopes': z.string().default(''),
  'custom:grid': z.string().optional(),
});
export type Claims = z.infer<typeof Claims>;

const list = (csv: string) => csv.split(',').map((s) => s.trim()).filter(Boolean);

export const principalFromClaims = (raw: unknown): Principal => {
  const claims = Claims.parse(raw);
  return {
    userId: claims.sub,
    name: claims.name,
    roles: claims['cognito:groups'].filter((g): g is Role => Role.safeParse(g).success),
    tags: list(claims['custom:tags']).filter((t): t is Tag => Tag.safeParse(t).success),
    scopes: list(claims['custom:scopes']),
    ...(claims['custom:grid'] ? { gridId: claims['custom:grid'] } : {}),
  };
};

export const claimsFromPrincipal = (p: Principal): Claims => ({
  sub: p.userId,
  name: p.name,
  'cognito:groups': p.roles,
  'custom:tags': p.tags.join(','),
  'custom:scopes': p.scopes.join(','),
  ...(p.gridId ? { 'custom:grid': p.gridId } : {}),
});

export const hasRole = (p: Principal, role: Role): boolean => p.roles.includes(role);

/** The ids of every scope of one kind the principal holds, e.g. all `org:` ids. */
export const scopeIds = (p: Principal, kind: ScopeKind): string[] =>
  p.scopes.filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));

export const inScope = (p: Principal, kind: ScopeKind, id: string): boolean => scopeIds(p, kind).includes(id);
