import { api, create, read } from './client';
import type { components } from './schema';

export type Reward = components['schemas']['Reward'];
export type Redemption = components['schemas']['Redemption'];
export type RedemptionStatus = Redemption['status'];

export const listRewards = (signal?: AbortSignal) => read(() => api.GET('/rewards', { signal }), signal);

/** Answered at once as `pending`; the ledger's hold moves it on (poll `fetchRedemption`). */
export const redeemReward = (rewardId: string): Promise<Redemption> =>
  create((once) => api.POST('/rewards/{rewardId}/redemptions', { ...once, params: { path: { rewardId } }, body: {} }));

export const fetchRedemption = (redemptionId: string, signal?: AbortSignal) =>
  read(() => api.GET('/redemptions/{redemptionId}', { params: { path: { redemptionId } }, signal }), signal);

/** A volunteer's redemptions, or a merchant's shop's. */
export const myRedemptions = (signal?: AbortSignal) => read(() => api.GET('/me/redemptions', { signal }), signal);

/** At the counter: the shop confirms the customer's 8-digit code. */
export const confirmRedemption = (code: string): Promise<Redemption> => create((once) => api.POST('/redemptions/confirm', { ...once, body: { code } }));
