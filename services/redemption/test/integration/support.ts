/** Fixtures for the redemption tests: a fresh shop per test, people, event delivery, outbox reads. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '@lianxin/shared/auth/principal';
import { documentClient } from '@lianxin/shared/db/client';
import { events as catalog } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { busEvent, caller, lambdaContext, person } from '@lianxin/shared/testing';
import { seedRedemption } from '../../src/app/seed';
import { redemptionConsumer } from '../../src/events/consumer';
import { createApp } from '../../src/http/app';
import { getReward } from '../../src/store/catalog';

/** The redemption API at the real time; tests that stand at another time make their own. */
export const app = createApp();

export const shop = async (stock = 5) => {
  const merchantId = newId('m');
  const rewardId = newId('r');
  await seedRedemption({
    alliance: { allianceId: newId('al'), name: '测试联盟', nameEn: 'Test alliance', pointValueFen: 10 },
    merchants: [{ merchantId, name: '测试商户', nameEn: 'Test shop', kind: 'supermarket', gridId: 'g-test', address: '测试路1号' }],
    rewards: [{ rewardId, merchantId, title: '大米', titleEn: 'Rice', points: 120, stock }],
  });
  const merchant = person({ roles: ['merchant'], scopes: [`merchant:${merchantId}`, 'alliance:al-test'] });
  return { merchantId, rewardId, merchant, asMerchant: caller(app, merchant) };
};

export const volunteer = (): Principal => person({ roles: ['volunteer'] });

export const stockOf = async (rewardId: string) => (await getReward(rewardId))?.stock;

/** POST a redemption as `who` with a fresh (or given) Idempotency-Key. */
export const redeem = (who: Principal, rewardId: string, idempotencyKey = newId('key'), body: unknown = {}) =>
  caller(app, who)('POST', `/rewards/${rewardId}/redemptions`, { body, idempotencyKey });

const liveConsumer = redemptionConsumer();

/** Deliver an envelope the way the bus does; `consumer` lets a test stand at another time. */
export const deliver = (envelope: Envelope, consumer = liveConsumer) => consumer(busEvent(envelope), lambdaContext);

/** Events this service put in its outbox about one redemption (tests only: a filtered scan). */
export const outboxFor = async (redemptionId: string): Promise<Envelope<Record<string, unknown>>[]> => {
  const found: Envelope<Record<string, unknown>>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({
      TableName: process.env.REDEMPTION_TABLE,
      FilterExpression: 'begins_with(pk, :outbox) AND envelope.#data.redemptionId = :id',
      ExpressionAttributeNames: { '#data': 'data' },
      ExpressionAttributeValues: { ':outbox': 'OUTBOX#', ':id': redemptionId },
      ExclusiveStartKey: start,
    }));
    found.push(...((page.Items ?? []).map((i) => i.envelope) as Envelope<Record<string, unknown>>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
};

export const typesIn = (envelopes: Envelope[]) => envelopes.map((e) => e.type).sort();

/** The ledger's answers, as the ledger would make them (hold id from the redemption). */
const holdId = (redemptionId: string) => `redeem:${redemptionId}`;
const LEDGER = 'system:ledger';
export const ledger = {
  placed: (r: { redemptionId: string; points: number }, expiresAt: string) =>
    catalog.HoldPlacedV1.make({ redemptionId: r.redemptionId, holdId: holdId(r.redemptionId), amount: r.points, expiresAt }, LEDGER),
  rejected: (redemptionId: string) => catalog.HoldRejectedV1.make({ redemptionId, reason: 'INSUFFICIENT_POINTS' }, LEDGER),
  posted: (r: { redemptionId: string; points: number }) =>
    catalog.HoldPostedV1.make({ redemptionId: r.redemptionId, holdId: holdId(r.redemptionId), amount: r.points }, LEDGER),
  voided: (redemptionId: string) => catalog.HoldVoidedV1.make({ redemptionId, holdId: holdId(redemptionId), reason: 'EXPIRED' }, LEDGER),
};

/** People's PersonClosed for `personId`, with a fresh pseudonym, as people would make it. */
export const personClosed = (personId: string) => catalog.PersonClosedV1.make({ personId, pseudonym: newId('anon') }, personId);

/** When the ledger's hold of a redemption requested now lapses (code time plus grace). */
export const holdUntil = () => new Date(Date.now() + 17 * 60_000).toISOString();

/** A redemption requested by a fresh volunteer, and a read of it as that volunteer. */
export const requested = async (rewardId: string) => {
  const who = volunteer();
  const res = await redeem(who, rewardId);
  if (res.status !== 202) throw new Error(`redeem answered ${res.status}: ${JSON.stringify(res.body)}`);
  const read = () => caller(app, who)('GET', `/redemptions/${res.body.redemptionId}`);
  return { who, r: res.body, read };
};

/** A redemption the ledger holds, and the code its volunteer is shown. */
export const held = async (rewardId: string, consumer = liveConsumer) => {
  const requestedOne = await requested(rewardId);
  await deliver(ledger.placed(requestedOne.r, holdUntil()), consumer);
  const { body } = await requestedOne.read();
  if (body.status !== 'held') throw new Error(`expected held, got ${body.status}`);
  return { ...requestedOne, code: body.code as string };
};
