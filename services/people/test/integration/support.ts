/** Fixtures for the people tests: a fresh slice of district per test, people at each stage, outbox reads. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, Role } from '@lianxin/shared/auth/principal';
import { systemClock } from '@lianxin/shared/clock';
import { documentClient } from '@lianxin/shared/db/client';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import type { IdentityProvider } from '../../src/app/identity';
import { seedPeople } from '../../src/app/seed';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/person';
import { createApp } from '../../src/http/app';

// The id card digest's key comes from the environment, never from the code.
process.env.ID_CARD_HASH_KEY ??= 'people-integration-tests-key';

/**
 * The identity provider at its port, and only there: it records which logins were deleted
 * and can be told to fail once. The real Cognito adapter against the emulator is tested end
 * to end by the stack's own tests.
 */
class PortFake implements IdentityProvider {
  deleted: string[] = [];
  failures = 0;

  async deleteLogin(phone: string) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw Object.assign(new Error('Cognito is unavailable'), { name: 'ServiceUnavailable' });
    }
    this.deleted.push(phone);
  }
}

export const identity = new PortFake();

export const app = createApp(systemClock, identity);

/** A fresh district slice: a street, a community with two grids, another community, an org serving the first, an alliance with a shop. */
export const district = async () => {
  const s = newId('s');
  const ids = {
    streetId: s, communityId: `${s}-c1`, otherCommunityId: `${s}-c2`, gridId: `${s}-g1`, gridId2: `${s}-g2`, otherGridId: `${s}-g3`,
    orgId: `${s}-org`, allianceId: `${s}-al`, merchantId: `${s}-m`,
  };
  const grid = (gridId: string, communityId: string) => ({ gridId, name: '网格', nameEn: 'Grid', communityId, streetId: s });
  await seedPeople({
    streets: [{ streetId: s, name: '街道', nameEn: 'Street' }],
    communities: [
      { communityId: ids.communityId, name: '湖滨社区', nameEn: 'Hubin', streetId: s },
      { communityId: ids.otherCommunityId, name: '烟水亭社区', nameEn: 'Yanshuiting', streetId: s },
    ],
    grids: [grid(ids.gridId, ids.communityId), grid(ids.gridId2, ids.communityId), grid(ids.otherGridId, ids.otherCommunityId)],
    organizations: [{ orgId: ids.orgId, name: '社区党委', nameEn: 'Party committee', kind: 'community_party', gridIds: [ids.gridId, ids.gridId2] }],
    alliance: { allianceId: ids.allianceId, name: '联盟', nameEn: 'Alliance' },
    merchants: [{ merchantId: ids.merchantId, name: '超市', nameEn: 'Shop' }],
    people: [],
  });
  return ids;
};

export type District = Awaited<ReturnType<typeof district>>;

let phones = 0;
/** A unique +86 mobile number per call in this process. */
export const newPhone = () => `+86139${String(process.pid % 10000).padStart(4, '0')}${String(++phones).padStart(4, '0')}`;

/** Someone signed in (their token from the trigger), not yet known to the service. */
export const newcomer = (roles: Role[] = ['volunteer'], scopes: string[] = []): Principal =>
  person({ roles, scopes, phone: newPhone(), name: '新用户' });

export const as = (p: Principal) => caller(app, p);

export const validProfile = (gridId: string) => ({ displayName: '小陈', gridId, skills: ['护理'], availability: ['weekend'] });

/** A person who accepted the notice and saved a profile in `gridId`. */
export const resident = async (gridId: string, roles: Role[] = ['volunteer'], scopes: string[] = []) => {
  const who = newcomer(roles, scopes);
  const consent = await as(who)('POST', '/people/me/consents', { body: { version: PRIVACY_NOTICE_VERSION } });
  if (consent.status !== 200) throw new Error(`consent answered ${consent.status}: ${JSON.stringify(consent.body)}`);
  const profile = await as(who)('PUT', '/people/me/profile', { body: validProfile(gridId) });
  if (profile.status !== 200) throw new Error(`profile answered ${profile.status}: ${JSON.stringify(profile.body)}`);
  return who;
};

/** Events this service put in its outbox about one person (tests only: a filtered scan). */
export const outboxFor = async (personId: string): Promise<Envelope<Record<string, unknown>>[]> => {
  const found: Envelope<Record<string, unknown>>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({
      TableName: process.env.PEOPLE_TABLE,
      FilterExpression: 'begins_with(pk, :outbox) AND envelope.#data.personId = :id',
      ExpressionAttributeNames: { '#data': 'data' },
      ExpressionAttributeValues: { ':outbox': 'OUTBOX#', ':id': personId },
      ExclusiveStartKey: start,
    }));
    found.push(...((page.Items ?? []).map((i) => i.envelope) as Envelope<Record<string, unknown>>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
};

export const typesIn = (envelopes: Envelope[]) => envelopes.map((e) => e.type).sort();
