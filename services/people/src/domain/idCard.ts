import { createHmac } from 'node:crypto';

/**
 * The resident identity card number (GB 11643-1999): 17 digits and a check character,
 * a digit or X. Only the checksum is checked; the number is never stored, only its keyed
 * hash (so equal numbers can be matched without being readable) and its last 4 characters.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export const normalizeIdCard = (number: string): string => number.trim().toUpperCase();

export const isValidIdCard = (number: string): boolean => {
  const n = normalizeIdCard(number);
  if (!SHAPE.test(n)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(n[i]), 0);
  return CHECK[sum % 11] === n[17];
};

/** What is kept of an id card: HMAC-SHA256 under the service's key, and the last 4 characters. */
export interface IdCardDigest { hash: string; last4: string }

export const digestIdCard = (number: string, key: string): IdCardDigest => {
  const n = normalizeIdCard(number);
  return { hash: createHmac('sha256', key).update(n).digest('hex'), last4: n.slice(-4) };
};
