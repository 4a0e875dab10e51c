import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { idFromKey, newId } from '@lianxin/shared/ids';
import { caller } from '@lianxin/shared/testing';
import { createApp } from '../../src/http/app';
import { deliver, organizerOf, outboxEventsOf, volunteer } from '../support/fixtures';

const app = createApp();

/** A wish fulfilled by `doer` (claimed by `claimedBy`), posted by `postedBy`, in a community served by a fresh organization. */
const fulfilledWish = (people: { doer: string; claimedBy?: string; postedBy?: string }) => {
  const wishId = newId('wish');
  const orgId = newId('org');
  const communityId = newId('c');
  const envelope = events.WishFulfilledV1.make(
    {
      wishId,
      volunteerId: people.doer,
      gridId: 'g-hubin-1',
      communityId,
      minutes: 90,
      confirmedAt: new Date().toISOString(),
      orgIds: [orgId],
      postedBy: people.postedBy ?? 'u-resident',
      claimedBy: people.claimedBy ?? people.doer,
    },
    people.postedBy ?? 'u-resident',
  );
  return { envelope, wishId, orgId, hourLogId: idFromKey('hl', 'wish', wishId) };
};

const pendingIds = async (who: ReturnType<typeof organizerOf>) =>
  (await caller(app, who)('GET', '/hours/pending')).body.items.map((l: { hourLogId: string }) => l.hourLogId);

describe('a fulfilled micro-wish (微心愿)', () => {
  it('waits, once however often it arrives, for an organizer of a serving organization: no HoursVerified yet', async () => {
    const helper = volunteer();
    const wish = fulfilledWish({ doer: helper.userId });
    await deliver(wish.envelope);
    await deliver(wish.envelope);

    const mine = (await caller(app, helper)('GET', '/me/hours')).body.items.filter((l: { hourLogId: string }) => l.hourLogId === wish.hourLogId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'checked_out', minutes: 90, kind: 'wish' });
    expect(mine[0]).not.toHaveProperty('pointsPerHour');
    expect(await outboxEventsOf(wish.hourLogId)).toEqual([]);

    expect(await pendingIds(organizerOf(wish.orgId))).toContain(wish.hourLogId);
    expect(await pendingIds(organizerOf(newId('org')))).not.toContain(wish.hourLogId);
  });

  it('is verified by that organizer into one HoursVerified of kind wish', async () => {
    const helper = volunteer();
    const wish = fulfilledWish({ doer: helper.userId });
    await deliver(wish.envelope);
    const organizer = organizerOf(wish.orgId);
    const verified = await caller(app, organizer)('POST', `/hours/${wish.hourLogId}/verify`, { body: {}, idempotencyKey: 'v' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', verifiedBy: organizer.userId, kind: 'wish' });
    const published = await outboxEventsOf(wish.hourLogId);
    expect(published.map((e) => [e.type, e.version])).toEqual([['HoursVerified', 2]]);
    expect(published[0]!.data).toMatchObject({ volunteerId: helper.userId, minutes: 90, kind: 'wish' });
    expect(published[0]!.data).not.toHaveProperty('pointsPerHour');
    expect(await pendingIds(organizer)).not.toContain(wish.hourLogId);
  });

  it('refuses the poster, the claimant and the doer as verifiers, and organizers of other organizations', async () => {
    const doer = volunteer();
    const wishForPoster = fulfilledWish({ doer: doer.userId });
    const orgId = wishForPoster.orgId;
    const poster = organizerOf(orgId);
    const claimant = organizerOf(orgId);
    const wish = fulfilledWish({ doer: doer.userId, claimedBy: claimant.userId, postedBy: poster.userId });
    const envelope = { ...wish.envelope, data: { ...wish.envelope.data, orgIds: [orgId] } };
    await deliver(envelope);
    for (const who of [poster, claimant, organizerOf(orgId, { userId: doer.userId })]) {
      const refused = await caller(app, who)('POST', `/hours/${wish.hourLogId}/verify`, { body: {}, idempotencyKey: newId('k') });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('SELF_VERIFICATION');
    }
    const stranger = await caller(app, organizerOf(newId('org')))('POST', `/hours/${wish.hourLogId}/reject`, { body: { reason: '不' }, idempotencyKey: 'r' });
    expect(stranger.status).toBe(403);
    const rejected = await caller(app, organizerOf(orgId))('POST', `/hours/${wish.hourLogId}/reject`, { body: { reason: '未完成' }, idempotencyKey: 'r2' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '未完成' });
  });
});
