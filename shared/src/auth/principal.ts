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
  /** The verified mobile number (E.164), when the token carries it. */
  phone?: string;
}

/**
 * The claims that carry a principal. Roles, scopes, tags and the home grid are granted, never
 * claimed: they are put into the ID token only by the people service's pre-token-generation
 * trigger (services/people), under a `lianxin:` prefix that no user attribute can take (a
 * person's own attributes are all `custom:`), as comma-separated strings because a Cognito
 * trigger may add string claims only. Cognito groups are not used. A token without them (the
 * trigger did not run) carries no role and may do nothing. Any other shape is refused.
 */
export const Claims = z.object({
  sub: z.string().min(1),
  name: z.string().default(''),
  'lianxin:roles': z.string().default(''),
  'lianxin:tags': z.string().default(''),
  'lianxin:scopes': z.string().default(''),
  'lianxin:grid': z.string().optional(),
  phone_number: z.string().optional(),
});
export type Claims = z.infer<typeof Claims>;

const list = (csv: string) => csv.split(',').map((s) => s.trim()).filter(Boolean);

export const principalFromClaims = (raw: unknown): Principal => {
  const claims = Claims.parse(raw);
  return {
    userId: claims.sub,
    name: claims.name,
    roles: list(claims['lianxin:roles']).filter((r): r is Role => Role.safeParse(r).success),
    tags: list(claims['lianxin:tags']).filter((t): t is Tag => Tag.safeParse(t).success),
    scopes: list(claims['lianxin:scopes']),
    ...(claims['lianxin:grid'] ? { gridId: claims['lianxin:grid'] } : {}),
    ...(claims.phone_number ? { phone: claims.phone_number } : {}),
  };
};

/** The claims the trigger adds for a principal (`sub` aside, which the issuer sets). */
export const grantedClaims = (p: Omit<Principal, 'userId'>): Record<string, string> => ({
  name: p.name,
  'lianxin:roles': p.roles.join(','),
  'lianxin:tags': p.tags.join(','),
  'lianxin:scopes': p.scopes.join(','),
  ...(p.gridId ? { 'lianxin:grid': p.gridId } : {}),
});

export const claimsFromPrincipal = (p: Principal): Claims =>
  Claims.parse({ sub: p.userId, ...grantedClaims(p), ...(p.phone ? { phone_number: p.phone } : {}) });

export const hasRole = (p: Principal, role: Role): boolean => p.roles.includes(role);

/** The ids of every scope of one kind the principal holds, e.g. all `org:` ids. */
export const scopeIds = (p: Principal, kind: ScopeKind): string[] =>
  p.scopes.filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));

export const inScope = (p: Principal, kind: ScopeKind, id: string): boolean => scopeIds(p, kind).includes(id);
