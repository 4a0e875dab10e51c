/**
 * The insider property's district: one community with two grids, each served by one
 * organization (A and B), two shops of the alliance, the insiders (no admin among them) and
 * the one admin, who only funds the two budgets and reads. Every run has fresh tables, so
 * the ids are fixed and a counterexample reads plainly.
 */
import type { Principal } from '@lianxin/shared/auth/principal';
import { caller, person } from '@lianxin/shared/testing';
import { newId } from '@lianxin/shared/ids';
import { createApp as activitiesApp } from '../../services/activities/src/http/app';
import { saveGrid, saveOrganization } from '../../services/activities/src/store/directory';
import { createApp as hoursApp } from '../../services/hours/src/http/app';
import { createApp as ledgerApp } from '../../services/ledger/src/http/app';
import { seedRedemption } from '../../services/redemption/src/app/seed';
import { createApp as redemptionApp } from '../../services/redemption/src/http/app';
import { type GridKey, INSIDERS, type Insider } from './commands';

export const apps = { activities: activitiesApp(), hours: hoursApp(), ledger: ledgerApp(), redemption: redemptionApp() };

export const ORG_OF: Record<GridKey, string> = { a: 'org-a', b: 'org-b' };
export const GRID_OF: Record<GridKey, string> = { a: 'g-a', b: 'g-b' };
/** What the admin puts into each organization's budget before a run: part (b) of the bound. */
export const BUDGET = 1_000;

/** Organizers and the organization they organize for; merchants and their shop. */
export const ORGANIZES: Partial<Record<Insider, GridKey>> = { oa1: 'a', oa2: 'a', ob: 'b' };
export const SHOP_OF: Partial<Record<Insider, string>> = { m1: 'shop-1', m2: 'shop-2' };

/** Two cheap rewards and two dear ones, one of each per shop. */
export const REWARDS = [
  { rewardId: 'r-1', merchantId: 'shop-1', points: 5 },
  { rewardId: 'r-2', merchantId: 'shop-1', points: 60 },
  { rewardId: 'r-3', merchantId: 'shop-2', points: 5 },
  { rewardId: 'r-4', merchantId: 'shop-2', points: 60 },
];

const rolesOf = (who: Insider): Pick<Principal, 'roles' | 'scopes'> => {
  const org = ORGANIZES[who];
  if (org) return { roles: ['organizer', 'volunteer'], scopes: [`org:${ORG_OF[org]}`] };
  const shop = SHOP_OF[who];
  // m2 also volunteers: a merchant can redeem, and be confirmed at a counter, like anyone.
  if (shop) return { roles: who === 'm2' ? ['merchant', 'volunteer'] : ['merchant'], scopes: [`merchant:${shop}`, 'alliance:al-1'] };
  return { roles: ['volunteer'], scopes: [] };
};

export const PEOPLE = Object.fromEntries(
  INSIDERS.map((who) => [who, person({ userId: `u-${who}`, name: `测试${who}`, gridId: GRID_OF.a, ...rolesOf(who) })]),
) as Record<Insider, Principal>;

/** Anyone by user id: an insider, or someone named as the doer of a wish, signed in as a volunteer. */
export const principalOf = (userId: string): Principal =>
  Object.values(PEOPLE).find((p) => p.userId === userId) ?? person({ userId, roles: ['volunteer'] });

const admin = person({ userId: 'u-admin', roles: ['admin'] });
/** The admin's reads: balances, the audit, the admin log. */
export const asAdmin = caller(apps.ledger, admin);

/** The directory, the alliance's shops, and each budget funded with BUDGET (the run's only admin action). */
export const setUpDistrict = async () => {
  const center = { lat: 29.7071, lng: 115.9869 };
  await Promise.all((['a', 'b'] as const).map(async (k) => {
    await saveGrid({ gridId: GRID_OF[k], communityId: 'c-1', streetId: 's-1', center });
    await saveOrganization({ orgId: ORG_OF[k], gridIds: [GRID_OF[k]] });
  }));
  await seedRedemption({
    alliance: { allianceId: 'al-1', name: '测试联盟', nameEn: 'Test alliance', pointValueFen: 10 },
    merchants: ['shop-1', 'shop-2'].map((merchantId) => ({ merchantId, name: `商户${merchantId}`, nameEn: merchantId, kind: 'supermarket', gridId: GRID_OF.a, address: '测试路1号' })),
    rewards: REWARDS.map((r) => ({ ...r, title: '大米', titleEn: 'Rice', stock: 3 })),
  });
  for (const k of ['a', 'b'] as const) {
    const funded = await asAdmin('POST', '/ledger/adjustments', { body: { kind: 'FUND_BUDGET', orgId: ORG_OF[k], amount: BUDGET, reason: '年度预算' }, idempotencyKey: newId('k') });
    if (funded.status !== 201) throw new Error(`funding ${ORG_OF[k]}: ${funded.status} ${JSON.stringify(funded.body)}`);
  }
};
