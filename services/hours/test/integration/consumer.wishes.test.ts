import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller } from '@lianxin/shared/testing';
import { idFromKey } from '@lianxin/shared/ids';
import { createApp } from '../../src/http/app';
import { deliver, outboxEventsOf, volunteer } from '../support/fixtures';

describe('a fulfilled micro-wish (微心愿)', () => {
  it('becomes one verified hour log and one HoursVerified event, however often it arrives', async () => {
    const helper = volunteer();
    const wishId = newId('wish');
    const fulfilled = events.WishFulfilledV1.make(
      { wishId, volunteerId: helper.userId, gridId: 'g-hubin-1', communityId: 'c-hubin', minutes: 90, confirmedAt: new Date().toISOString() },
      'u-resident',
    );
    await deliver(fulfilled);
    await deliver(fulfilled);

    const { body } = await caller(createApp(), helper)('GET', '/me/hours');
    const logs = body.items.filter((l: { activityId: string }) => l.activityId === `wish:${wishId}`);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: 'verified', minutes: 90, verifiedBy: 'u-resident' });
    // The ledger's policy alone sets what a wish's hour earns: no points, no rate here.
    expect(logs[0]).not.toHaveProperty('points');
    expect(logs[0]).not.toHaveProperty('pointsPerHour');

    const published = await outboxEventsOf(idFromKey('hl', 'wish', wishId));
    expect(published.map((e) => [e.type, e.version])).toEqual([['HoursVerified', 2]]);
    expect(published[0]!.data).toMatchObject({ volunteerId: helper.userId, minutes: 90, kind: 'wish', communityId: 'c-hubin' });
    expect(published[0]!.data).not.toHaveProperty('points');
    expect(published[0]!.data).not.toHaveProperty('pointsPerHour');
  });
});
