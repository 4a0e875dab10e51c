import {
  type Condition,
  Entity,
  type FormattedItem,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
  executeTransactWrite,
  item,
  number,
  string,
} from 'dynamodb-toolbox';
import { failedConditionAt } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { wishFulfilled } from '../domain/stats/counters';
import { WISH_STATUSES, type Wish, type WishStatus, erasedContact } from '../domain/wishes/wish';
import { statsWrite } from './stats';
import { outbox, table } from './table';

/**
 * A wish is one item, `WISH#<id>`. Listings are per status: gsi1 by grid, gsi2 by community,
 * both sorted by posting time, so every transition moves the wish to its new status's lists.
 * `byPoster` lists a person's wishes by their own `postedBy` and `postedAt`.
 */
export const wishKeys = {
  wish: (wishId: string) => ({ pk: `WISH#${wishId}`, sk: 'WISH' }),
  ofGrid: (gridId: string, status: WishStatus) => `WISHES#GRID#${gridId}#${status}`,
  ofCommunity: (communityId: string, status: WishStatus) => `WISHES#COMMUNITY#${communityId}#${status}`,
  order: (wish: Pick<Wish, 'postedAt' | 'wishId'>) => `${wish.postedAt}#${wish.wishId}`,
};

const optionalString = () => string().optional();

export const WishEntity = new Entity({
  name: 'Wish',
  table,
  schema: item({
    wishId: string().key(),
    title: string(),
    description: string(),
    gridId: string(),
    communityId: string(),
    streetId: string(),
    address: string(),
    wantedBy: optionalString(),
    contactName: string(),
    contactPhone: string(),
    status: string().enum(...WISH_STATUSES),
    postedBy: string(),
    postedAt: string(),
    reviewedBy: optionalString(),
    reviewedAt: optionalString(),
    rejectReason: optionalString(),
    claimedBy: optionalString(),
    onBehalfOf: optionalString(),
    claimedAt: optionalString(),
    doneBy: optionalString(),
    fulfilNote: optionalString(),
    minutes: number().optional(),
    fulfilledAt: optionalString(),
    confirmedAt: optionalString(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ wishId }) => wishKeys.wish(wishId),
  timestamps: false,
});

type WishItem = FormattedItem<typeof WishEntity>;

const toWish = ({ gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, ...wish }: WishItem): Wish => wish;

const itemOf = (wish: Wish) => ({
  ...wish,
  gsi1pk: wishKeys.ofGrid(wish.gridId, wish.status),
  gsi1sk: wishKeys.order(wish),
  gsi2pk: wishKeys.ofCommunity(wish.communityId, wish.status),
  gsi2sk: wishKeys.order(wish),
});

/**
 * A transition's put applies only to the wish as it was read: its status (`from`) and its
 * contact, which no transition changes. So an erasure meanwhile (`pseudonymizeWish`) is never
 * undone by a put decided on the older read.
 */
const unchangedSince = (wish: Wish, from: WishStatus): Condition<typeof WishEntity> => ({
  and: [
    { attr: 'status', eq: from },
    { attr: 'contactName', eq: wish.contactName },
    { attr: 'contactPhone', eq: wish.contactPhone },
    { attr: 'address', eq: wish.address },
  ],
});

/**
 * Write the wish in its new state with its event, in one transaction. `from` is the status
 * the change was decided on: a wish changed meanwhile fails the condition (`'stale'`).
 */
export const saveWish = async (wish: Wish, from: WishStatus | undefined, event: Envelope): Promise<'saved' | 'stale'> => {
  try {
    await executeTransactWrite(
      WishEntity.build(PutTransaction)
        .item(itemOf(wish))
        .options({ condition: from === undefined ? { attr: 'wishId', exists: false } : unchangedSince(wish, from) }),
      outboxPut(outbox, event),
      // A wish the resident confirms counts once: only the transition into `confirmed` writes here.
      ...(wish.status === 'confirmed' ? [statsWrite(wish, wish.wishId, wishFulfilled)] : []),
    );
    return 'saved';
  } catch (error) {
    if (failedConditionAt(error, 0)) return 'stale';
    throw error;
  }
};

export const findWish = async (wishId: string): Promise<Wish | undefined> => {
  const { Item } = await WishEntity.build(GetItemCommand).key({ wishId }).options({ consistent: true }).send();
  return Item && toWish(Item);
};

export const WISH_PAGE = 50;

/** The newest wishes of one status in a grid or a community (an index query, never a scan). */
export const listWishes = async (where: { gridId: string } | { communityId: string }, status: WishStatus): Promise<Wish[]> => {
  const query = 'gridId' in where
    ? { index: 'gsi1' as const, partition: wishKeys.ofGrid(where.gridId, status) }
    : { index: 'gsi2' as const, partition: wishKeys.ofCommunity(where.communityId, status) };
  const { Items = [] } = await table.build(QueryCommand).entities(WishEntity).query(query).options({ reverse: true, limit: WISH_PAGE }).send();
  return Items.map(toWish);
};

/** Every wish a person posted, page after page of their own `byPoster` partition (an erasure must reach them all). */
export const wishesPostedBy = async (personId: string): Promise<Wish[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(WishEntity)
    .query({ index: 'byPoster', partition: personId })
    .options({ maxPages: Number.POSITIVE_INFINITY })
    .send();
  return Items.map(toWish);
};

/**
 * The wish's contact alone becomes the erased one (`erasedContact`), whatever its status; an
 * absent wish is not created. Writing it twice changes nothing.
 */
export const pseudonymizeWish = (wishId: string, pseudonym: string) =>
  WishEntity.build(UpdateItemCommand)
    .item({ wishId, ...erasedContact(pseudonym) })
    .options({ condition: { attr: 'wishId', exists: true } })
    .send();
