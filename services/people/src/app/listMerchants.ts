import type { Merchant } from '../domain/directory';
import { listMerchants as all } from '../store/directory';

/** The alliance's shops. */
export const listMerchants = (): Promise<Merchant[]> => all();
