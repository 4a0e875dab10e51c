import type { Reward } from '../domain/catalog';
import { findRewards } from '../store/catalog';

/** Rewards of every shop, or of one. */
export const listRewards = (input: { merchantId?: string | undefined }): Promise<Reward[]> => findRewards(input.merchantId);
