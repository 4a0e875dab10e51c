import { $add, UpdateTransaction } from 'dynamodb-toolbox';
import { commitOnce } from '@lianxin/shared/events/inbox';
import type { Envelope } from '@lianxin/shared/events/envelope';
import type { Totals } from '../domain/accounts';
import { ShardEntity, inbox } from './table';

/** Add a transfer's effect on a hot account to one of its shards. */
export const shardWrite = (accountId: string, shard: number, d: Totals) =>
  ShardEntity.build(UpdateTransaction).item({
    accountId, shard,
    debitsPosted: $add(d.debitsPosted), creditsPosted: $add(d.creditsPosted),
    debitsPending: $add(d.debitsPending), creditsPending: $add(d.creditsPending),
  });

/** Apply `writes` once per event: the inbox marker rides in the same transaction. */
export const applyOnce = (event: Envelope, writes: Parameters<typeof commitOnce>[2][]) => commitOnce(inbox, event, ...writes);
