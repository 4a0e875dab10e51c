import { GetItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { events } from '@lianxin/shared/events/catalog';
import { RosterEntryEntity, isOnRoster } from '../../src/store/roster';
import { ShiftEntity } from '../../src/store/shifts';
import { table } from '../../src/store/table';
import { activityPublished, deliver, shiftClaimed } from '../support/fixtures';

const shiftItem = async (shiftId: string) =>
  (await ShiftEntity.build(GetItemCommand).key({ shiftId }).options({ consistent: true }).send()).Item;
const rosterItem = async (shiftId: string, volunteerId: string) =>
  (await RosterEntryEntity.build(GetItemCommand).key({ shiftId, volunteerId }).options({ consistent: true }).send()).Item;
const inboxMarkers = async (eventId: string) =>
  (await table.build(QueryCommand).query({ partition: `INBOX#${eventId}` }).options({ consistent: true }).send()).Items ?? [];

const startsAt = new Date('2025-06-01T01:00:00.000Z');

describe('the hours consumer', () => {
  it('projects ActivityPublished into the shift directory once, however often it is delivered', async () => {
    const published = activityPublished(newId('org'), { startsAt, pointsPerHour: 30, category: '医疗' });
    await deliver(published.envelope);
    const once = await shiftItem(published.shiftId);
    await deliver(published.envelope);

    expect(once).toEqual({
      shiftId: published.shiftId,
      activityId: published.activityId,
      orgId: published.envelope.data.orgId,
      communityId: 'c-hubin',
      title: '湖滨社区义诊',
      startsAt: '2025-06-01T01:00:00.000Z',
      endsAt: '2025-06-01T03:00:00.000Z',
      pointsPerHour: 30,
      category: '医疗',
      // The end-time index the attendance sweep reads.
      gsi1pk: 'ENDING#2025-06-01',
      gsi1sk: `2025-06-01T03:00:00.000Z#${published.shiftId}`,
    });
    expect(await shiftItem(published.shiftId)).toEqual(once);
    expect(await inboxMarkers(published.envelope.id)).toHaveLength(1);
  });

  it('records a claim that arrives before its activity, and both once', async () => {
    const published = activityPublished(newId('org'), { startsAt });
    const claim = shiftClaimed(published.activityId, published.shiftId, newId('u'));

    await deliver(claim);
    await deliver(claim);
    expect(await shiftItem(published.shiftId)).toBeUndefined();
    const entry = await rosterItem(published.shiftId, claim.data.volunteerId);
    expect(entry).toEqual({ shiftId: published.shiftId, volunteerId: claim.data.volunteerId, claimId: claim.data.claimId, activityId: published.activityId });

    await deliver(published.envelope);
    await deliver(published.envelope);
    expect(await shiftItem(published.shiftId)).toMatchObject({ shiftId: published.shiftId });
    expect(await rosterItem(published.shiftId, claim.data.volunteerId)).toEqual(entry);
    expect(await inboxMarkers(claim.id)).toHaveLength(1);
    expect(await inboxMarkers(published.envelope.id)).toHaveLength(1);
  });

  it('ignores a redelivered event even after newer facts were applied', async () => {
    const orgId = newId('org');
    const first = activityPublished(orgId, { startsAt, pointsPerHour: 10 });
    await deliver(first.envelope);
    // A later publication of the same shift (same ids, new figures) is a new event.
    const republished = { ...first.envelope, id: newId('evt'), data: { ...first.envelope.data, pointsPerHour: 40 } };
    await deliver(republished);
    await deliver(first.envelope);
    expect((await shiftItem(first.shiftId))?.pointsPerHour).toBe(40);
  });

  it('refuses an event it does not consume, so the bus dead-letters it', async () => {
    const { envelope } = activityPublished(newId('org'), { startsAt });
    await expect(deliver({ ...envelope, type: 'HoursVerified' })).rejects.toThrow();
  });
});

describe('cancelled claims', () => {
  it('take a volunteer off the roster, even when the cancellation arrives before the claim', async () => {
    const published = activityPublished(newId('org'), { startsAt });
    const volunteerId = newId('u');
    const claim = shiftClaimed(published.activityId, published.shiftId, volunteerId);
    const cancelled = events.ClaimCancelledV1.make(
      { claimId: claim.data.claimId, activityId: published.activityId, shiftId: published.shiftId, volunteerId, wasStatus: 'confirmed' },
      volunteerId,
    );
    await deliver(cancelled);
    await deliver(published.envelope);
    await deliver(claim);
    expect(await isOnRoster(published.shiftId, volunteerId)).toBe(false);
  });

  it('take every claimant of a cancelled activity off the roster', async () => {
    const published = activityPublished(newId('org'), { startsAt });
    const [a, b] = [newId('u'), newId('u')];
    const claims = [shiftClaimed(published.activityId, published.shiftId, a), shiftClaimed(published.activityId, published.shiftId, b)];
    for (const e of [published.envelope, ...claims]) await deliver(e);
    expect(await isOnRoster(published.shiftId, a)).toBe(true);
    await deliver(events.ActivityCancelledV1.make({
      activityId: published.activityId, orgId: published.envelope.data.orgId, reason: '暴雨',
      claims: claims.map((c) => ({ claimId: c.data.claimId, shiftId: published.shiftId, volunteerId: c.data.volunteerId, status: 'confirmed' as const })),
    }, 'org'));
    expect(await isOnRoster(published.shiftId, a)).toBe(false);
    expect(await isOnRoster(published.shiftId, b)).toBe(false);
  });
});
