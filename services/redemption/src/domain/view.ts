import { type Principal, hasRole, scopeIds } from '@lianxin/shared/auth/principal';
import type { Redemption } from './redemption';

/** Who is looking at a redemption: the volunteer who owns it, or the shop it was redeemed at. */
export type Audience = 'owner' | 'merchant';

export interface Viewer {
  userId: string;
  /** Shops the viewer acts for (their `merchant:<id>` scopes, when they hold the merchant role). */
  merchantIds: string[];
}

/** The shops a person acts for are their `merchant:<id>` scopes, and only with the merchant role. */
export const viewerOf = (p: Principal): Viewer => ({
  userId: p.userId,
  merchantIds: hasRole(p, 'merchant') ? scopeIds(p, 'merchant') : [],
});

export const audienceOf = (viewer: Viewer, r: Redemption): Audience | undefined => {
  if (r.volunteerId === viewer.userId) return 'owner';
  if (viewer.merchantIds.includes(r.merchantId)) return 'merchant';
  return undefined;
};

/**
 * The public shape. A merchant sees a display name and nothing more of the person (no id);
 * the code is for the owner's eyes only, and only while it can be used.
 */
export const redemptionView = (r: Redemption, audience: Audience) => ({
  redemptionId: r.redemptionId,
  rewardId: r.rewardId,
  rewardTitle: r.rewardTitle,
  merchantId: r.merchantId,
  merchantName: r.merchantName,
  ...(audience === 'owner' ? { volunteerId: r.volunteerId } : {}),
  ...(r.displayName ? { displayName: r.displayName } : {}),
  points: r.points,
  status: r.status,
  ...(audience === 'owner' && r.status === 'held' && r.code ? { code: r.code } : {}),
  ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
  ...(r.failureReason ? { failureReason: r.failureReason } : {}),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export type RedemptionView = ReturnType<typeof redemptionView>;

/** Everything the viewer may see, each once, newest first, shaped for how they see it. */
export const visibleTo = (viewer: Viewer, found: Redemption[]): RedemptionView[] => {
  const unique = [...new Map(found.map((r) => [r.redemptionId, r])).values()];
  return unique
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .flatMap((r) => {
      const audience = audienceOf(viewer, r);
      return audience ? [redemptionView(r, audience)] : [];
    });
};
