/**
 * The ledger acts only an admin may take, as an insider would try them: deduct, fund a
 * budget, freeze or unfreeze a wallet, loosen the earning policy, reverse a transfer.
 */
import { newId } from '@lianxin/shared/ids';
import type { CallOptions } from '@lianxin/shared/testing';
import type { EarningPolicy } from '../../services/ledger/src/domain/policy';
import type { Command } from './commands';
import { ORGANIZES, ORG_OF, PEOPLE } from './district';

export const forbiddenAct = (c: Extract<Command, { kind: 'forbidden' }>, policy: EarningPolicy, someEarn: string) => {
  const reason = '内部人员尝试';
  const adjustment = (body: Record<string, unknown>) => ({
    method: 'POST', path: '/ledger/adjustments', options: { body: { ...body, amount: c.amount, reason }, idempotencyKey: newId('k') } as CallOptions,
  });
  const userId = PEOPLE[c.target].userId;
  switch (c.act) {
    case 'deduct':
      return adjustment({ kind: 'DEDUCT', userId });
    case 'fundBudget':
      return adjustment({ kind: 'FUND_BUDGET', orgId: ORG_OF[ORGANIZES[c.by] ?? 'a'] });
    case 'reverse':
      return adjustment({ kind: 'REVERSAL', originalTransferId: someEarn });
    case 'changePolicy': {
      const { version: _version, ...rest } = policy;
      return { method: 'PUT', path: '/ledger/policy', options: { body: { ...rest, maxPointsPerHour: 100, dailyCap: 100_000, monthlyCap: 1_000_000, maxOrganizerBonus: 1000 } } };
    }
    default:
      return { method: 'POST', path: `/ledger/accounts/user:${userId}/${c.act}`, options: { body: { reason } } };
  }
};
