import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { type RedemptionView, audienceOf, redemptionView, viewerOf } from '../domain/view';
import { loadRedemption } from '../store/redemptions';

/** One redemption, as its volunteer (with the live code) or its shop sees it. */
export const getRedemption = async (input: { redemptionId: string; viewer: Principal }): Promise<RedemptionView> => {
  const { redemptionId, viewer } = input;
  const redemption = await loadRedemption(redemptionId);
  const audience = redemption && audienceOf(viewerOf(viewer), redemption);
  // Someone else's redemption is answered as unknown: ids are not to be probed.
  if (!redemption || !audience) throw notFound('redemption', redemptionId);
  return redemptionView(redemption, audience);
};
