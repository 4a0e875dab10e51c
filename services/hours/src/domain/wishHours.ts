import type { EventData } from '@lianxin/shared/events/catalog';
import { idFromKey } from '@lianxin/shared/ids';
import type { HourLog } from './hourLog';

/** The queue a community's wish logs wait in (the gsi2 organization partition of their logs). */
export const wishQueueOf = (communityId: string): string => `community:${communityId}`;

/**
 * A micro-wish the resident confirmed counts as hours like a shift, and like a shift it
 * waits, checked out, for an organizer of an organization serving the wish's grid (the
 * resident and the claimant vouch for each other, so neither is the verification). One log
 * per wish, for the person who did the work. It has no rate of its own: the ledger's policy
 * sets what a wish's hour earns.
 */
export const wishHourLog = (wish: EventData<'WishFulfilledV1'>): HourLog => ({
  hourLogId: idFromKey('hl', 'wish', wish.wishId),
  shiftId: `wish:${wish.wishId}`,
  activityId: `wish:${wish.wishId}`,
  activityTitle: '微心愿',
  orgId: wishQueueOf(wish.communityId),
  communityId: wish.communityId,
  volunteerId: wish.volunteerId,
  volunteerName: '',
  status: 'checked_out',
  checkInAt: wish.confirmedAt,
  checkOutAt: wish.confirmedAt,
  minutes: wish.minutes,
  kind: 'wish',
  // An event from before these fields names no organization: its log waits for none.
  orgIds: wish.orgIds ?? [],
  ...(wish.postedBy ? { postedBy: wish.postedBy } : {}),
  ...(wish.claimedBy ? { claimedBy: wish.claimedBy } : {}),
});

/**
 * The organization a decider acts for on this log: a shift's own, or for a wish the first
 * of the serving organizations the decider organizes for (none: the policy refuses).
 */
export const decidingOrganization = (log: HourLog, deciderOrgIds: string[]): string | undefined =>
  log.kind === 'wish' ? log.orgIds?.find((org) => deciderOrgIds.includes(org)) : log.orgId;
