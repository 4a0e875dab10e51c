import { DeleteTransaction, PutTransaction } from 'dynamodb-toolbox';
import type { Account } from '../domain/accounts';
import { cohortOf, newCohorts } from '../domain/lots';
import type { TransferCommand } from '../domain/transfers';
import { LOTS_BY_EXPIRY, LotIndexEntity } from './table';

export const lotIndexKey = (accountId: string, expiresAt: string) => ({
  accountId, expiresAt, gsi1pk: LOTS_BY_EXPIRY, gsi1sk: `${expiresAt}#${accountId}`,
});

/**
 * Keeps "every cohort in a wallet has its index entry" true within the transfer's own
 * transaction: a cohort that appears (an earn, or a void giving back points) gets its
 * entry; an EXPIRE that empties its cohort removes it. A cohort a hold took in full
 * keeps its entry, since a void may bring the points back.
 */
export const lotIndexWrites = (cmd: TransferCommand, before: Account, after: Account) => {
  const added = newCohorts(before.lots ?? [], after.lots ?? []).map((expiresAt) =>
    LotIndexEntity.build(PutTransaction).item(lotIndexKey(after.accountId, expiresAt)),
  );
  const expired = cmd.kind === 'EXPIRE' && cmd.lotExpiresAt && !cohortOf(after.lots ?? [], cmd.lotExpiresAt).lot;
  return expired ? [...added, LotIndexEntity.build(DeleteTransaction).key({ accountId: after.accountId, expiresAt: cmd.lotExpiresAt! })] : added;
};
