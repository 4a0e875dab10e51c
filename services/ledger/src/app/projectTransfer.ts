import { retryOnConflict } from '@lianxin/shared/db/transact';
import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { isHotAccount, shardOf } from '../domain/accounts';
import { effects } from '../domain/transfers';
import { awardedByOf, measureOf, monthOf } from '../domain/transparency';
import { applyOnce, shardWrite } from '../store/shards';
import { awardWrite, transparencyWrite } from '../store/transparency';

/**
 * Apply the hot side of a committed transfer (sys:issuance, sys:reversals, sys:expired,
 * merchants; every kind, adjustments included) into one of N shard items, and add it to
 * its community's transparency aggregate (and an award to its awarder's), once per event (inbox marker in the same
 * transaction). Spreading a busy merchant over shards keeps concurrent transactions from
 * colliding on one item.
 */
export const projectTransfer = async (event: Envelope<EventData<'TransferCommittedV1'>>) => {
  const { transferId, kind, debitAccount, creditAccount, amount, released, communityId } = event.data;
  const sides = effects(kind, amount, released);
  const shard = shardOf(transferId);
  const writes = ([[debitAccount, sides.debit], [creditAccount, sides.credit]] as const)
    .filter(([account]) => isHotAccount(account))
    .map(([accountId, delta]) => shardWrite(accountId, shard, delta));
  // The community aggregates ride in the same once-only transaction as the shards.
  const measure = measureOf(kind, creditAccount);
  const month = monthOf(new Date(event.occurredAt));
  const awardedBy = awardedByOf(kind, debitAccount, creditAccount);
  const aggregate = [
    ...(measure ? [transparencyWrite(communityId, month, shard, measure, amount)] : []),
    ...(awardedBy ? [awardWrite(awardedBy, communityId, month, shard, amount)] : []),
  ];
  if (!writes.length && !aggregate.length) return 'nothing to project';
  return retryOnConflict(() => applyOnce(event, [...writes, ...aggregate]));
};
