import { must } from '@lianxin/shared/errors';
import { readableAccount } from '../domain/access';
import { entryPage } from '../store/accounts';
import type { AccountQuery } from './readBalance';

export interface StatementQuery extends AccountQuery { limit: number; cursor?: string | undefined }

/** A page of an account's entry chain, newest first, for those the policy lets see it. */
export const statement = async ({ principal, accountId, limit, cursor }: StatementQuery) =>
  entryPage(must(readableAccount(principal, accountId)), limit, cursor);
