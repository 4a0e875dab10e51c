import type { EarningPolicy } from '../domain/policy';
import { currentPolicy } from '../store/policy';

/** The earning policy in force (anyone signed in may read it). */
export const readPolicy = (): Promise<EarningPolicy> => currentPolicy();
