import type { EventData } from '@lianxin/shared/events/catalog';
import { idFromKey } from '@lianxin/shared/ids';
import type { HourLog } from './hourLog';
import { pointsFor } from './verification';

/** Points per hour for a fulfilled micro-wish (微心愿); the ledger's policy caps still apply. */
export const WISH_POINTS_PER_HOUR = 10;

/**
 * A micro-wish the resident confirmed counts as hours like a shift: the resident's
 * confirmation is the verification, so the log is born verified. One log per wish.
 */
export const wishHourLog = (wish: EventData<'WishFulfilledV1'>, confirmedBy: string): HourLog => ({
  hourLogId: idFromKey('hl', 'wish', wish.wishId),
  shiftId: `wish:${wish.wishId}`,
  activityId: `wish:${wish.wishId}`,
  activityTitle: '微心愿',
  orgId: `community:${wish.communityId}`,
  communityId: wish.communityId,
  volunteerId: wish.volunteerId,
  volunteerName: '',
  status: 'verified',
  checkInAt: wish.confirmedAt,
  checkOutAt: wish.confirmedAt,
  minutes: wish.minutes,
  points: pointsFor(wish.minutes, WISH_POINTS_PER_HOUR),
  pointsPerHour: WISH_POINTS_PER_HOUR,
  verifiedBy: confirmedBy,
  decidedAt: wish.confirmedAt,
});
