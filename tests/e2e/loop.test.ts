import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, signIn } from '../support/api';
import { allOutboxEvents, republish } from '../support/outbox';

/**
 * The earn-and-redeem loop over HTTP against the runtime `npm start` runs: every arrow
 * between services is an event through outbox → table stream → relay → bus → consumer.
 */
const { apiUrl, ports, deadLettersUrl } = inject('stack');
const VOLUNTEER = 'u-liuyang';
const ORGANIZER = 'u-lihong';
const SHOP = 'u-shop-liansheng';
const REWARD = 'r-soap-set';

type Signed = Awaited<ReturnType<typeof signIn>>;
let volunteer: Signed;
let organizer: Signed;
let shop: Signed;
let otherShop: Signed;

const loop: { shiftId?: string; hourLogId?: string; redemptionId?: string; code?: string; stockBefore?: number } = {};
const points = () => volunteer.get('/me/points').then((r) => r.body);
const stockOf = async (rewardId: string) =>
  (await volunteer.get('/rewards?merchantId=m-liansheng')).body.items.find((r: { rewardId: string }) => r.rewardId === rewardId).stock as number;

beforeAll(async () => {
  [volunteer, organizer, shop, otherShop] = await Promise.all([signIn(apiUrl, VOLUNTEER), signIn(apiUrl, ORGANIZER), signIn(apiUrl, SHOP), signIn(apiUrl, 'u-shop-tea')]);
});

describe('the earn-and-redeem loop through the local runtime', () => {
  it('answers health and serves every OpenAPI document', async () => {
    expect((await fetch(`${apiUrl}/health`).then((r) => r.json())).status).toBe('ok');
    for (const service of ['activities', 'hours', 'ledger', 'redemption']) {
      const doc = await fetch(`${apiUrl}/${service}/openapi.json`).then((r) => r.json());
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths).length).toBeGreaterThan(1);
    }
  });

  it('lets a volunteer claim a slot of the live shift, once per idempotency key', async () => {
    const list = await volunteer.get('/activities?gridId=g-hubin-1');
    const activity = list.body.items.find((a: { title: string }) => a.title === '湖滨环境清洁日');
    const shift = activity.shifts[0];
    loop.shiftId = shift.shiftId;
    const key = randomUUID();
    const claim = await volunteer.post(`/activities/${activity.activityId}/shifts/${shift.shiftId}/claims`, {}, key);
    expect(claim.status).toBe(201);
    const again = await volunteer.post(`/activities/${activity.activityId}/shifts/${shift.shiftId}/claims`, {}, key);
    expect(again.body.claimId).toBe(claim.body.claimId);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const after = await volunteer.get(`/activities/${activity.activityId}`);
    expect(after.body.shifts[0].confirmed).toBe(shift.confirmed + 1);
  });

  it('checks the volunteer in and out with the organizer\'s code', async () => {
    const code = await eventually(() => organizer.post(`/shifts/${loop.shiftId}/checkin-codes`), (r) => r.status === 201);
    expect(code.body.code).toMatch(/^\d{6}$/);
    expect((await volunteer.post(`/shifts/${loop.shiftId}/checkin-codes`)).status).toBe(403);
    const checkIn = await eventually(() => volunteer.post('/hours/check-in', { code: code.body.code }), (r) => r.status === 201);
    loop.hourLogId = checkIn.body.hourLogId;
    const out = await volunteer.post('/hours/check-out', { code: code.body.code });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('checked_out');
  });

  it('turns verified hours into points exactly once', async () => {
    expect((await volunteer.post(`/hours/${loop.hourLogId}/verify`, { minutes: 300, note: 'x' })).status).toBe(403);
    const pending = await organizer.get('/hours/pending');
    expect(pending.body.items.map((l: { hourLogId: string }) => l.hourLogId)).toContain(loop.hourLogId);
    const correlationId = `cor-e2e-${randomUUID()}`;
    const verified = await organizer.post(`/hours/${loop.hourLogId}/verify`, { minutes: 300, note: '清洁区域扩大,延长时长' }, randomUUID(), {
      'x-correlation-id': correlationId,
    });
    expect(verified.status).toBe(200);
    expect(verified.headers.get('x-correlation-id')).toBe(correlationId);
    // Hours reports minutes; the ledger's policy alone turns them into points (5 h × 10/h).
    expect(verified.body).not.toHaveProperty('points');
    expect((await organizer.post(`/hours/${loop.hourLogId}/verify`, { minutes: 300, note: 'again' })).status).toBe(409);
    const balance = await eventually(points, (b) => b.available === 50);
    expect(balance).toMatchObject({ available: 50, held: 0, lifetimeEarned: 50 });
    // The request's correlation id came along: hours' outbox → bus → ledger consumer → the entry.
    const statement = await volunteer.get('/me/points/transactions');
    const earn = statement.body.items.find((e: { transferId: string }) => e.transferId === `earn:${loop.hourLogId}`);
    expect(earn?.correlationId).toBe(correlationId);
  });

  it('holds points for a redemption and shows a one-time code', async () => {
    loop.stockBefore = await stockOf(REWARD);
    const requested = await volunteer.post(`/rewards/${REWARD}/redemptions`);
    expect(requested.status).toBe(202);
    loop.redemptionId = requested.body.redemptionId;
    const held = await eventually(() => volunteer.get(`/redemptions/${loop.redemptionId}`), (r) => r.body.status === 'held');
    loop.code = held.body.code;
    expect(loop.code).toMatch(/^\d{8}$/);
    expect(await points()).toMatchObject({ available: 0, held: 50 });
    expect(await stockOf(REWARD)).toBe(loop.stockBefore - 1);
  });

  it('lets only the right merchant confirm the code, once, and moves the points to the shop', async () => {
    expect((await otherShop.post('/redemptions/confirm', { code: loop.code })).status).toBe(403);
    const confirmed = await shop.post('/redemptions/confirm', { code: loop.code });
    expect(confirmed.status).toBe(200);
    expect((await shop.post('/redemptions/confirm', { code: loop.code })).status).toBe(409);
    await eventually(() => volunteer.get(`/redemptions/${loop.redemptionId}`), (r) => r.body.status === 'completed');
    expect(await points()).toMatchObject({ available: 0, held: 0, lifetimeEarned: 50 });
    const merchant = await eventually(() => shop.get('/ledger/accounts/merchant:m-liansheng'), (r) => r.body.posted >= 50);
    expect(merchant.body.pendingIncoming).toBe(0);
    expect(await stockOf(REWARD)).toBe(loop.stockBefore! - 1);
  });

  it('changes nothing when every event is delivered a second time', async () => {
    const before = { points: await points(), stock: await stockOf(REWARD), shop: (await shop.get('/ledger/accounts/merchant:m-liansheng')).body };
    const envelopes = await allOutboxEvents(ports.dynamodb);
    expect(envelopes.length).toBeGreaterThan(10);
    await republish(ports.eventbridge, envelopes);
    // Give every consumer time to see the copies: the chain delivers in well under a second.
    await new Promise((r) => setTimeout(r, 5000));
    expect(await points()).toEqual(before.points);
    expect(await stockOf(REWARD)).toBe(before.stock);
    expect((await shop.get('/ledger/accounts/merchant:m-liansheng')).body).toEqual(before.shop);
    const letters = await fetch(deadLettersUrl).then((r) => r.json());
    expect(letters.items).toEqual([]);
  });

  it('leaves a ledger whose every invariant holds, and publishes the community totals', async () => {
    const admin = await signIn(apiUrl, 'u-admin');
    // Conservation waits for the projector to drain; everything else must hold at once.
    const audit = await eventually(() => admin.get('/ledger/audit'), (r) => r.body.ok === true);
    expect(audit.body.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    const transparency = await volunteer.get('/ledger/transparency');
    expect(transparency.status).toBe(200);
    expect(transparency.body.total.issued).toBeGreaterThanOrEqual(50);
    expect(transparency.body.total.redeemed).toBeGreaterThanOrEqual(50);
  });
});
