import { type Principal, hasRole } from '@lianxin/shared/auth/principal';
import { type RedemptionView, viewerOf, visibleTo } from '../domain/view';
import { listRedemptions } from '../store/redemptions';

/** A volunteer's own redemptions and those of every shop a merchant acts for, newest first. */
export const listMyRedemptions = async (input: { viewer: Principal }): Promise<RedemptionView[]> => {
  const { viewer } = input;
  const seen = viewerOf(viewer);
  const lists = await Promise.all([
    ...(hasRole(viewer, 'volunteer') ? [listRedemptions({ volunteerId: viewer.userId })] : []),
    ...seen.merchantIds.map((merchantId) => listRedemptions({ merchantId })),
  ]);
  return visibleTo(seen, lists.flat());
};
