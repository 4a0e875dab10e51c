import type { EventData } from '@lianxin/shared/events/catalog';
import { idFromKey } from '@lianxin/shared/ids';
import type { HourLog } from './hourLog';

/**
 * A micro-wish the resident confirmed counts as hours like a shift: the resident's
 * confirmation is the verification, so the log is born verified. One log per wish. It has
 * no rate of its own: the ledger's policy sets what a wish's hour earns.
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
  verifiedBy: confirmedBy,
  decidedAt: wish.confirmedAt,
});
