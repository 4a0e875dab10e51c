import type { Principal } from '@lianxin/shared/auth/principal';
import { idFromKey } from '@lianxin/shared/ids';
import { grantEntry } from '../domain/adminLog';
import type { Alliance, Community, Grid, Organization, Street } from '../domain/directory';
import { type Grant, type GrantedRole, parseScope } from '../domain/grants';
import { PRIVACY_NOTICE_VERSION, type Person } from '../domain/person';
import { adminLogPut } from '../store/adminLog';
import { commit } from '../store/commit';
import { putAlliance, putCommunity, putGrid, putMerchant, putOrganization, putStreet } from '../store/directory';
import { grantWrites } from '../store/grants';
import { loadPerson, putConsent, putPerson } from '../store/people';

/** The demo's shapes, as infra/src/demo/district.ts declares them (extra fields are ignored). */
export type SeedPerson = Principal & { phone?: string };
export interface SeedInput {
  streets: Street[];
  communities: Community[];
  grids: Grid[];
  organizations: Organization[];
  alliance: Alliance;
  merchants: { merchantId: string; name: string; nameEn: string }[];
  people: SeedPerson[];
}

const SEEDER = 'seed';
const REASON = 'demo district';

/** The role a demo scope is granted with: the demo person's own role for it where they hold one. */
const seededRole = (p: SeedPerson, scope: string): GrantedRole => {
  const { kind } = parseScope(scope);
  if (kind === 'org') return p.roles.includes('organizer') ? 'organizer' : 'admin';
  if (kind === 'merchant') return 'merchant';
  if (kind === 'alliance') return p.roles.includes('admin') ? 'admin' : 'merchant';
  throw new Error(`Demo person ${p.userId} has a scope ${scope} that is not granted`);
};

/**
 * A demo person as if they had signed up, consented and saved a profile, with their roles as
 * base roles, their tags, and one grant per scope but their grid, a millisecond apart so the
 * token lists the scopes in the demo's order.
 */
const seedPerson = async (p: SeedPerson, grids: Map<string, Grid>, now: Date) => {
  const at = now.toISOString();
  const grid = p.gridId ? grids.get(p.gridId) : undefined;
  if (p.gridId && !grid) throw new Error(`Demo person ${p.userId} lives in an unknown grid ${p.gridId}`);
  const person: Person = {
    personId: p.userId, status: 'active', ...(p.phone ? { phone: p.phone } : {}), baseRoles: p.roles, seededTags: p.tags,
    consent: { version: PRIVACY_NOTICE_VERSION, acceptedAt: at },
    profile: {
      displayName: p.name, skills: [], availability: [], updatedAt: at,
      ...(grid ? { gridId: grid.gridId, communityId: grid.communityId, streetId: grid.streetId } : {}),
    },
    version: 1, createdAt: at, updatedAt: at,
  };
  const grants: Grant[] = p.scopes.filter((s) => !s.startsWith('grid:')).map((scope, i) => ({
    grantId: idFromKey('grt', SEEDER, p.userId, scope), personId: p.userId, role: seededRole(p, scope), scope,
    grantedBy: SEEDER, grantedAt: new Date(now.getTime() + i).toISOString(), reason: REASON,
  }));
  await commit([putPerson(person, 0), putConsent(p.userId, person.consent!), ...grants.flatMap((g) => [...grantWrites(g), adminLogPut(grantEntry(g))])]);
};

/**
 * The directory and the demo's people. Idempotent: the directory is written again; a person
 * already stored is left as they are now (their grants, 双报到 or closure included).
 */
export const seedPeople = async (input: SeedInput, now = new Date()) => {
  const { streets, communities, grids, organizations, alliance, merchants, people } = input;
  await Promise.all([
    ...streets.map(({ streetId, name, nameEn }) => putStreet({ streetId, name, nameEn })),
    ...communities.map(({ communityId, name, nameEn, streetId }) => putCommunity({ communityId, name, nameEn, streetId })),
    ...grids.map(({ gridId, name, nameEn, communityId, streetId }) => putGrid({ gridId, name, nameEn, communityId, streetId })),
    ...organizations.map(({ orgId, name, nameEn, kind, gridIds }) => putOrganization({ orgId, name, nameEn, kind, gridIds })),
    putAlliance({ allianceId: alliance.allianceId, name: alliance.name, nameEn: alliance.nameEn }),
    ...merchants.map(({ merchantId, name, nameEn }) => putMerchant({ merchantId, name, nameEn, allianceId: alliance.allianceId })),
  ]);
  const byId = new Map(grids.map((g) => [g.gridId, g]));
  let seeded = 0;
  for (const p of people) {
    if (await loadPerson(p.userId)) continue;
    await seedPerson(p, byId, now);
    seeded += 1;
  }
  return { people: seeded };
};
