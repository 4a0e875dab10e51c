import { AppError, conflict } from '@lianxin/shared/errors';

export const outOfStock = (rewardId: string) =>
  conflict('OUT_OF_STOCK', `Reward ${rewardId} is out of stock`, { rewardId: 'out of stock' });

export const codeNotFound = () => new AppError(404, 'CODE_NOT_FOUND', 'No redemption has this code', { code: 'not found' });

export const notYourRedemption = () =>
  new AppError(403, 'NOT_YOUR_REDEMPTION', 'This code belongs to another merchant', { code: 'another merchant' });

export const codeAlreadyUsed = () => conflict('CODE_ALREADY_USED', 'This code has already been used', { code: 'already used' });

export const codeExpired = () => new AppError(410, 'CODE_EXPIRED', 'This code has expired', { code: 'expired' });
