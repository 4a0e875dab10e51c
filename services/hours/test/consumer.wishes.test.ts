import { describe, expect, it } from 'vitest';
import { events } from '@lianxin/shared/events/catalog';
import { newId } from '@lianxin/shared/ids';
import { caller } from '@lianxin/shared/testing';
import { idFromKey } from '@lianxin/shared/ids';
import { createHoursApp } from '../src/http/app';
import { deliver, outboxEventsOf, volunteer } from './fixtures';

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

    const { body } = await caller(createHoursApp(), helper)('GET', '/me/hours');
    const logs = body.items.filter((l: { activityId: string }) => l.activityId === `wish:${wishId}`);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: 'verified', minutes: 90, points: 15, verifiedBy: 'u-resident' });

    const published = await outboxEventsOf(idFromKey('hl', 'wish', wishId));
    expect(published.map((e) => e.type)).toEqual(['HoursVerified']);
    expect(published[0]!.data).toMatchObject({ volunteerId: helper.userId, minutes: 90, points: 15, communityId: 'c-hubin' });
  });
});
