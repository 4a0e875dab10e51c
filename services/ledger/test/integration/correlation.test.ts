/**
 * One correlation id follows a piece of work into the ledger: an event's envelope (the
 * consumer works inside it) or a request's X-Correlation-Id reaches the transfer, its
 * entries, and the statement the HTTP answer shows.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { caller, person } from '@lianxin/shared/testing';
import { ledgerEvents } from '../../src/events/consumer';
import { createApp } from '../../src/http/app';
import { getTransfer } from '../../src/store/transfers';
import { committedTransfers, deliver, hoursVerified } from '../support/support';

const app = createApp();

describe('correlation ids in ledger entries', () => {
  it('records the envelope correlation id of HoursVerified.v2 on the EARN and its entry', async () => {
    const v = person({ roles: ['volunteer'] });
    const correlationId = `cor-test-${newId('c')}`;
    const e = { ...hoursVerified(v.userId, 12), correlationId };
    await deliver(ledgerEvents, e);
    expect(await getTransfer(`earn:${e.data.hourLogId}`)).toMatchObject({ status: 'COMMITTED', kind: 'EARN', amount: 12, correlationId });
    const { body } = await caller(app, v)('GET', '/me/points/transactions');
    expect(body.items).toEqual([expect.objectContaining({ kind: 'EARN', amount: 12, correlationId })]);
    const [committed] = await committedTransfers(e.data.hourLogId);
    expect(committed?.correlationId).toBe(correlationId);
  });

  it("records an adjustment request's X-Correlation-Id on its transfer and entry", async () => {
    const v = person({ roles: ['volunteer'] });
    const correlationId = `cor-test-${newId('c')}`;
    const res = await caller(app, person({ roles: ['admin'] }))('POST', '/ledger/adjustments', {
      body: { kind: 'AWARD', userId: v.userId, amount: 7, reason: '志愿服务表彰' }, idempotencyKey: newId('k'), headers: { 'x-correlation-id': correlationId },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe(correlationId);
    expect(await getTransfer(res.body.transferId)).toMatchObject({ kind: 'AWARD', correlationId });
    const { body } = await caller(app, v)('GET', `/ledger/accounts/user:${v.userId}/entries`);
    expect(body.items).toEqual([expect.objectContaining({ transferId: res.body.transferId, amount: 7, correlationId })]);
  });
});
