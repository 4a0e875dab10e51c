import { $add, UpdateTransaction } from 'dynamodb-toolbox';
import { createHash } from 'node:crypto';
import { retryOnConflict } from '@lianxin/shared/db/transact';
import { consumer } from '@lianxin/shared/events/consumer';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { isHotAccount } from '../domain/accounts';
import { effects } from '../domain/transfers';
import { measureOf, monthOf } from '../domain/transparency';
import { SHARDS } from '../store/accounts';
import { ShardEntity, inbox } from '../store/table';
import { transparencyWrite } from '../store/transparency';

const shardOf = (transferId: string) => createHash('sha256').update(transferId).digest().readUInt32BE(0) % SHARDS;

/**
 * Applies the hot side of each committed transfer (sys:issuance, sys:reversals, sys:expired,
 * merchants; every kind, adjustments included) into one of N shard items, and adds it to
 * its community's transparency aggregate, once per event (inbox marker in the same
 * transaction). Spreading a busy merchant over shards keeps concurrent transactions from
 * colliding on one item.
 */
export const projector = consumer('ledger-projector', {
  TransferCommittedV1: async (event) => {
    const { transferId, kind, debitAccount, creditAccount, amount, released, communityId } = event.data;
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
    // The community aggregates ride in the same once-only transaction as the shards.
    const measure = measureOf(kind, creditAccount);
    const aggregate = measure ? [transparencyWrite(communityId, monthOf(new Date(event.occurredAt)), shard, measure, amount)] : [];
    if (!writes.length && !aggregate.length) return 'nothing to project';
    return retryOnConflict(() => commitOnce(inbox, event, ...writes, ...aggregate));
  },
});
