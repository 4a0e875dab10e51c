import { $add, UpdateTransaction } from 'dynamodb-toolbox';
import { createHash } from 'node:crypto';
import { retryOnConflict } from '@lianxin/shared/db/transact';
import { consumer } from '@lianxin/shared/events/consumer';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { isHotAccount } from '../domain/accounts';
import { effects } from '../domain/transfers';
import { SHARDS } from '../store/accounts';
import { ShardEntity, inbox } from '../store/table';

const shardOf = (transferId: string) => createHash('sha256').update(transferId).digest().readUInt32BE(0) % SHARDS;

/**
 * Applies the hot side of each committed transfer (sys:issuance, sys:reversals, merchants;
 * every kind, adjustments included) into one of N
 * shard items, once per event (inbox marker in the same transaction). Spreading a busy
 * merchant over shards keeps concurrent transactions from colliding on one item.
 */
export const projector = consumer('ledger-projector', {
  TransferCommittedV1: async (event) => {
    const { transferId, kind, debitAccount, creditAccount, amount, released } = event.data;
    const sides = effects(kind, amount, released);
    const shard = shardOf(transferId);
    const writes = (
      [
        [debitAccount, sides.debit],
        [creditAccount, sides.credit],
      ] as const
    )
      .filter(([account]) => isHotAccount(account))
      .map(([accountId, d]) =>
        ShardEntity.build(UpdateTransaction).item({
          accountId, shard,
          debitsPosted: $add(d.debitsPosted), creditsPosted: $add(d.creditsPosted),
          debitsPending: $add(d.debitsPending), creditsPending: $add(d.creditsPending),
        }),
      );
    if (!writes.length) return 'no hot account';
    return retryOnConflict(() => commitOnce(inbox, event, ...writes));
  },
});
