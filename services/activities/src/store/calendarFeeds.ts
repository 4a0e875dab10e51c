import {
  $add,
  DeleteTransaction,
  Entity,
  type FormattedItem,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
  UpdateTransaction,
  executeTransactWrite,
  isConditionCheckFailed,
  item,
  number,
  string,
} from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import { type CalendarFeed, MAX_ACTIVE_FEEDS } from '../domain/calendarFeed';
import { table } from './table';

/**
 * Three items per person's feeds, all read consistently, so a revoked token is refused at once:
 * - `VOL#<person>` / `FEED#<feed>`: the feed as its owner lists it, with its token's hash;
 * - `FEEDTOKEN#<sha256>` / `FEEDTOKEN`: the hash → the feed and its owner (the feed's only
 *   lookup: a GetItem on the hash);
 * - `VOL#<person>` / `FEEDS`: how many are active, the one item creates serialize on, so the
 *   limit holds under concurrent creates.
 * No item holds a token.
 */
const keys = {
  person: (personId: string) => `VOL#${personId}`,
  feed: (personId: string, feedId: string) => ({ pk: `VOL#${personId}`, sk: `FEED#${feedId}` }),
  feedPrefix: 'FEED#',
  token: (hash: string) => ({ pk: `FEEDTOKEN#${hash}`, sk: 'FEEDTOKEN' }),
  count: (personId: string) => ({ pk: `VOL#${personId}`, sk: 'FEEDS' }),
};

const FeedEntity = new Entity({
  name: 'CalendarFeed',
  table,
  schema: item({
    personId: string().key(),
    feedId: string().key(),
    tokenHash: string(),
    createdAt: string(),
    lastUsedAt: string().optional(),
  }),
  computeKey: ({ personId, feedId }) => keys.feed(personId, feedId),
  timestamps: false,
});

const FeedTokenEntity = new Entity({
  name: 'CalendarFeedToken',
  table,
  schema: item({ tokenHash: string().key(), feedId: string(), personId: string() }),
  computeKey: ({ tokenHash }) => keys.token(tokenHash),
  timestamps: false,
});

const FeedCountEntity = new Entity({
  name: 'CalendarFeedCount',
  table,
  schema: item({ personId: string().key(), active: number() }),
  computeKey: ({ personId }) => keys.count(personId),
  timestamps: false,
});

type FeedItem = FormattedItem<typeof FeedEntity>;
const toFeed = ({ tokenHash: _hash, ...feed }: FeedItem): CalendarFeed => feed;

const tokenPut = (hash: string, feed: Pick<CalendarFeed, 'feedId' | 'personId'>) =>
  FeedTokenEntity.build(PutTransaction)
    .item({ tokenHash: hash, feedId: feed.feedId, personId: feed.personId })
    .options({ condition: { attr: 'tokenHash', exists: false } });

/**
 * The feed, its token's hash and the count, in one transaction: `'full'` when the person has
 * the most feeds already, `'exists'` when this feed was saved before (a retried create).
 */
export const saveFeed = async (feed: CalendarFeed, hash: string): Promise<'saved' | 'full' | 'exists'> => {
  try {
    await retryOnConflict(() =>
      executeTransactWrite(
        FeedCountEntity.build(UpdateTransaction)
          .item({ personId: feed.personId, active: $add(1) })
          .options({ condition: { or: [{ attr: 'active', exists: false }, { attr: 'active', lt: MAX_ACTIVE_FEEDS }] } }),
        FeedEntity.build(PutTransaction).item({ ...feed, tokenHash: hash }).options({ condition: { attr: 'feedId', exists: false } }),
        tokenPut(hash, feed),
      ),
    );
    return 'saved';
  } catch (error) {
    if (failedConditionAt(error, 1)) return 'exists';
    if (failedConditionAt(error, 0)) return 'full';
    throw error;
  }
};

const findFeedItem = async (personId: string, feedId: string): Promise<FeedItem | undefined> =>
  (await FeedEntity.build(GetItemCommand).key({ personId, feedId }).options({ consistent: true }).send()).Item;

export const findFeed = async (personId: string, feedId: string): Promise<CalendarFeed | undefined> => {
  const found = await findFeedItem(personId, feedId);
  return found && toFeed(found);
};

/**
 * A new token for a saved feed, the old one dead: a create whose first attempt committed but
 * never answered runs again, and only the token it answers with may work. `undefined` when
 * the feed is gone (revoked meanwhile) or changed under us.
 */
export const replaceToken = async (personId: string, feedId: string, hash: string): Promise<CalendarFeed | undefined> => {
  const found = await findFeedItem(personId, feedId);
  if (!found) return undefined;
  try {
    await executeTransactWrite(
      FeedEntity.build(UpdateTransaction).item({ personId, feedId, tokenHash: hash }).options({ condition: { attr: 'tokenHash', eq: found.tokenHash } }),
      FeedTokenEntity.build(DeleteTransaction).key({ tokenHash: found.tokenHash }),
      tokenPut(hash, found),
    );
    return toFeed(found);
  } catch (error) {
    if (failedConditionAt(error, 0)) return undefined;
    throw error;
  }
};

/** The feed a token's hash opens, if any (consistent: a revoked token is refused at once). */
export const feedOfToken = async (hash: string): Promise<{ feedId: string; personId: string } | undefined> => {
  const { Item } = await FeedTokenEntity.build(GetItemCommand).key({ tokenHash: hash }).options({ consistent: true }).send();
  return Item && { feedId: Item.feedId, personId: Item.personId };
};

/** The person's feeds (their partition, read consistently). */
export const feedsOf = async (personId: string): Promise<CalendarFeed[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(FeedEntity)
    .query({ partition: keys.person(personId), range: { beginsWith: keys.feedPrefix } })
    .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
    .send();
  return Items.map(toFeed);
};

/** Stamp a read; a feed revoked meanwhile is not brought back. */
export const markUsed = async (personId: string, feedId: string, now: Date): Promise<void> => {
  try {
    await FeedEntity.build(UpdateItemCommand).item({ personId, feedId, lastUsedAt: now.toISOString() }).options({ condition: { attr: 'feedId', exists: true } }).send();
  } catch (error) {
    if (!isConditionCheckFailed(error)) throw error;
  }
};

/** Delete the feed and its token's hash, and free its place: `'gone'` when it was not there. */
export const deleteFeed = async (personId: string, feedId: string): Promise<'deleted' | 'gone'> => {
  const found = await findFeedItem(personId, feedId);
  if (!found) return 'gone';
  try {
    await retryOnConflict(() =>
      executeTransactWrite(
        FeedEntity.build(DeleteTransaction).key({ personId, feedId }).options({ condition: { attr: 'tokenHash', eq: found.tokenHash } }),
        FeedTokenEntity.build(DeleteTransaction).key({ tokenHash: found.tokenHash }),
        FeedCountEntity.build(UpdateTransaction).item({ personId, active: $add(-1) }),
      ),
    );
    return 'deleted';
  } catch (error) {
    // Revoked by a concurrent request, or its token replaced meanwhile: read again.
    if (failedConditionAt(error, 0)) return deleteFeed(personId, feedId);
    throw error;
  }
};
