import { caller, person } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { freshDistrict, outboxEvents, volunteer } from '../support/fixtures';

const app = createApp();

const wishBody = (gridId: string) => ({
  title: '帮忙修水龙头',
  gridId,
  address: '湖滨路18号3栋',
  contactName: '张三',
  contactPhone: '13812345678',
});

const posted = async () => {
  const d = await freshDistrict();
  const resident = volunteer();
  const wishId = (await caller(app, resident)('POST', '/wishes', { body: wishBody(d.grid.gridId) })).body.wishId as string;
  return { d, resident, wishId, path: (step: string) => `/wishes/${wishId}/${step}` };
};

const approved = async () => {
  const w = await posted();
  expect((await caller(app, w.d.organizer)('POST', w.path('approve'), { body: {} })).status).toBe(200);
  return w;
};

describe('who may claim a wish and who earns its hours', () => {
  it('refuses the organizer who approved the wish as its claimant', async () => {
    const { d, path } = await approved();
    const approver = person({ ...d.organizer, roles: ['organizer', 'volunteer'] });
    const own = await caller(app, approver)('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('REVIEWER_CANNOT_CLAIM');
    const onBehalf = await caller(app, d.organizer)('POST', path('claim'), { body: { onBehalfOf: '九江银行' }, idempotencyKey: 'k2' });
    expect(onBehalf.body.error.code).toBe('REVIEWER_CANNOT_CLAIM');
  });

  it('carries the serving organizations, the poster and the claimant in WishFulfilled', async () => {
    const { d, resident, wishId, path } = await approved();
    const helper = volunteer();
    await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    await caller(app, helper)('POST', path('fulfil'), { body: { note: '换了阀芯', minutes: 40 } });
    await caller(app, resident)('POST', path('confirm'), { body: {} });
    const [event] = await outboxEvents('WishFulfilled.v1', (data) => data.wishId === wishId);
    expect(event?.data).toMatchObject({ volunteerId: helper.userId, claimedBy: helper.userId, postedBy: resident.userId, orgIds: [d.org.orgId] });
  });

  it('credits the person who did the work when an organizer claimed on behalf of a unit', async () => {
    const { d, resident, wishId, path } = await approved();
    const unitLead = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
    const doer = volunteer();
    expect((await caller(app, unitLead)('POST', path('claim'), { body: { onBehalfOf: '九江银行' }, idempotencyKey: 'k' })).status).toBe(200);
    const nobody = await caller(app, unitLead)('POST', path('fulfil'), { body: { note: '银行志愿者上门', minutes: 60 } });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields).toHaveProperty('doneBy');
    expect((await caller(app, unitLead)('POST', path('fulfil'), { body: { note: '银行志愿者上门', minutes: 60, doneBy: doer.userId } })).status).toBe(200);
    await caller(app, resident)('POST', path('confirm'), { body: {} });
    const [event] = await outboxEvents('WishFulfilled.v1', (data) => data.wishId === wishId);
    expect(event?.data).toMatchObject({ volunteerId: doer.userId, claimedBy: unitLead.userId });
  });

  it('refuses a doer on a personal claim: the claimant did it', async () => {
    const { path } = await approved();
    const helper = volunteer();
    await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    const other = await caller(app, helper)('POST', path('fulfil'), { body: { note: '好', minutes: 30, doneBy: 'u-someone-else' } });
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toHaveProperty('doneBy');
  });
});

describe('who sees a wish', () => {
  it('hides a pending or rejected wish from everyone but the poster and the vetters', async () => {
    const { d, resident, wishId, path } = await posted();
    const stranger = caller(app, volunteer());
    expect((await stranger('GET', `/wishes/${wishId}`)).status).toBe(404);
    expect((await stranger('GET', `/wishes?gridId=${d.grid.gridId}&status=pending_review`)).body.items).toEqual([]);
    const otherOrganizer = person({ roles: ['organizer'], scopes: [`org:${d.otherOrg.orgId}`] });
    expect((await caller(app, otherOrganizer)('GET', `/wishes/${wishId}`)).status).toBe(404);
    for (const who of [resident, d.organizer]) expect((await caller(app, who)('GET', `/wishes/${wishId}`)).body.address).toBe('湖滨路18号3栋');
    await caller(app, d.organizer)('POST', path('reject'), { body: { reason: '请联系物业' } });
    expect((await stranger('GET', `/wishes/${wishId}`)).status).toBe(404);
    expect((await caller(app, resident)('GET', `/wishes/${wishId}`)).body.status).toBe('rejected');
  });

  it('shows an open wish without its address and poster to all but the poster, the vetters and the claimant', async () => {
    const { d, resident, wishId, path } = await approved();
    const stranger = await caller(app, volunteer())('GET', `/wishes/${wishId}`);
    expect(stranger.status).toBe(200);
    for (const hidden of ['address', 'postedBy', 'contactName', 'contactPhone']) expect(stranger.body).not.toHaveProperty(hidden);
    const listed = await caller(app, volunteer())('GET', `/wishes?gridId=${d.grid.gridId}`);
    expect(listed.body.items[0]).not.toHaveProperty('address');
    const helper = volunteer();
    await caller(app, helper)('POST', path('claim'), { body: {}, idempotencyKey: 'k' });
    for (const who of [resident, d.organizer, helper]) {
      expect((await caller(app, who)('GET', `/wishes/${wishId}`)).body).toMatchObject({ address: '湖滨路18号3栋', postedBy: resident.userId, contactPhone: '13812345678' });
    }
  });
});
