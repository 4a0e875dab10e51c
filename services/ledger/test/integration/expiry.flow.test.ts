/**
 * Expiry by lots on DynamoDB Local. The lots here come from hours verified years ago, so
 * that a sweep "in 2021" touches no wallet of the suites running beside this one.
 */
import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { ledgerEvents } from '../../src/events/consumer';
import { createApp } from '../../src/http/app';
import { sweepLots } from '../../src/app/sweepLots';
import { deliver, hoursVerified, outboxFor, requested } from '../support/support';

const app = createApp();

/** Beijing midnight, 1 January 2021 (the end of the year following 2019). */
const END_2020 = '2020-12-31T16:00:00.000Z';
const END_2021 = '2021-12-31T16:00:00.000Z';
const END_2018 = '2018-12-31T16:00:00.000Z';

const earnAt = (userId: string, points: number, at: string) => deliver(ledgerEvents, hoursVerified(userId, points, newId('hl'), new Date(at)));

describe('expiry by lots', () => {
  it('spends the oldest lot first, lets a void give lots back, and expires what is left when due', async () => {
    const v = person({ roles: ['volunteer'] });
    const me = caller(app, v);
    await earnAt(v.userId, 30, '2019-03-01T02:00:00Z');
    await earnAt(v.userId, 20, '2020-02-01T02:00:00Z');
    expect((await me('GET', '/me/points')).body.lots).toEqual([{ expiresAt: END_2020, points: 30 }, { expiresAt: END_2021, points: 20 }]);

    const hold = requested(v.userId, 'm-lots', 40, '2030-01-01T00:00:00.000Z');
    await deliver(ledgerEvents, hold);
    expect((await me('GET', '/me/points')).body).toMatchObject({ available: 10, held: 40, lots: [{ expiresAt: END_2021, points: 10 }] });

    // The 2019 lot is all held: nothing of it is in the wallet to expire.
    await sweepLots(new Date('2021-01-01T00:00:00Z'));
    expect((await me('GET', '/me/points')).body).toMatchObject({ available: 10, held: 40 });

    await deliver(ledgerEvents, events.RedemptionExpiredV1.make({ redemptionId: hold.data.redemptionId }, 'redemption'));
    expect((await me('GET', '/me/points')).body.lots).toEqual([{ expiresAt: END_2020, points: 30 }, { expiresAt: END_2021, points: 20 }]);

    await Promise.all([sweepLots(new Date('2021-01-01T00:00:00Z')), sweepLots(new Date('2021-01-01T00:00:00Z'))]);
    const after = (await me('GET', '/me/points')).body;
    expect(after).toMatchObject({ available: 20, posted: 20, lots: [{ expiresAt: END_2021, points: 20 }] });
    const expiries = (await outboxFor(v.userId)).filter((e) => e.type === 'TransferCommitted' && (e.data as { kind: string }).kind === 'EXPIRE');
    expect(expiries.map((e) => e.data)).toEqual([expect.objectContaining({ amount: 30, debitAccount: `user:${v.userId}`, creditAccount: 'sys:expired' })]);
    const statement = (await me('GET', '/me/points/transactions')).body.items;
    expect(statement[0]).toMatchObject({ kind: 'EXPIRE', amount: -30, balanceAfter: 20 });
  });

  it('sends one notice 30 days before a lot expires, however often and in parallel the sweeper runs', async () => {
    const v = person({ roles: ['volunteer'] });
    await earnAt(v.userId, 15, '2017-05-01T02:00:00Z');
    const notices = async () => (await outboxFor(v.userId)).filter((e) => e.type === 'PointsExpiringSoon');

    await sweepLots(new Date('2018-11-15T00:00:00Z'));
    expect(await notices()).toEqual([]);

    await Promise.all(Array.from({ length: 3 }, () => sweepLots(new Date('2018-12-10T00:00:00Z'))));
    await sweepLots(new Date('2018-12-20T00:00:00Z'));
    expect((await notices()).map((e) => e.data)).toEqual([{ accountId: `user:${v.userId}`, volunteerId: v.userId, points: 15, expiresAt: END_2018 }]);
  });

  it('shows what expires within 30 days in the balance, and never points of the current year', async () => {
    const v = person({ roles: ['volunteer'] });
    await earnAt(v.userId, 12, '2016-06-01T02:00:00Z');
    await deliver(ledgerEvents, hoursVerified(v.userId, 7));
    const { body } = await caller(app, v)('GET', '/me/points');
    // The 2016 lot is past due (awaiting the sweeper); points earned now last past next year.
    expect(body).toMatchObject({ available: 19, expiringSoon: 12, nextExpiry: '2017-12-31T16:00:00.000Z' });
    expect(body.lots).toHaveLength(2);
  });
});
