import { $add, Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, UpdateTransaction, executeTransactWrite, item, string } from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import { events } from '@lianxin/shared/events/catalog';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { type Claim, alreadyClaimed, shiftFull } from '../domain/claim';
import { ShiftEntity } from './activities';
import { keys } from './keys';
import { outbox, table } from './table';

/** One claim per shift and volunteer: the key itself forbids a second one. */
export const ClaimEntity = new Entity({
  name: 'Claim',
  table,
  schema: item({
    shiftId: string().key(),
    volunteerId: string().key(),
    claimId: string(),
    activityId: string(),
    status: string().enum('confirmed'),
    activityTitle: string(),
    startsAt: string(),
    endsAt: string(),
    createdAt: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ shiftId, volunteerId }) => keys.claim(shiftId, volunteerId),
  timestamps: false,
});

type ClaimItem = FormattedItem<typeof ClaimEntity>;

const toClaim = ({ gsi1pk: _pk, gsi1sk: _sk, ...claim }: ClaimItem): Claim => claim;

/**
 * Volunteers racing for one shift conflict on its item (TransactionConflict): retry those.
 * Eight jittered attempts stay within a few seconds, well inside the Lambda timeout.
 */
const CLAIM_ATTEMPTS = 8;

/**
 * Take a place atomically: the shift's count goes up only while below capacity, the claim
 * item must not exist yet, and `ShiftClaimed` joins the same transaction. When the shift
 * is full the answer is SHIFT_FULL; the waitlist (joining it instead) comes later.
 */
export const saveClaim = async (claim: Claim, now: Date): Promise<void> => {
  const { claimId, activityId, shiftId, volunteerId } = claim;
  const event = events.ShiftClaimedV1.make({ claimId, activityId, shiftId, volunteerId }, volunteerId, now);
  const takePlace = ShiftEntity.build(UpdateTransaction)
    .item({ activityId, shiftId, confirmed: $add(1) })
    .options({ condition: { and: [{ attr: 'shiftId', exists: true }, { attr: 'confirmed', lt: { attr: 'capacity' } }] } });
  const putClaim = ClaimEntity.build(PutTransaction)
    .item({ ...claim, gsi1pk: keys.claimsOfVolunteer(volunteerId), gsi1sk: keys.claimOrder(claim.startsAt, shiftId) })
    .options({ condition: { attr: 'volunteerId', exists: false } });
  try {
    await retryOnConflict(() => executeTransactWrite(takePlace, putClaim, outboxPut(outbox, event)), CLAIM_ATTEMPTS);
  } catch (error) {
    if (failedConditionAt(error, 1)) throw alreadyClaimed();
    if (failedConditionAt(error, 0)) throw shiftFull();
    throw error;
  }
};

export const findClaim = async (shiftId: string, volunteerId: string): Promise<Claim | undefined> => {
  const { Item } = await ClaimEntity.build(GetItemCommand).key({ shiftId, volunteerId }).options({ consistent: true }).send();
  return Item && toClaim(Item);
};

/** A volunteer's most recent claims, newest shift first. */
export const MY_CLAIMS_LIMIT = 100;

export const claimsOf = async (volunteerId: string): Promise<Claim[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ClaimEntity)
    .query({ index: 'gsi1', partition: keys.claimsOfVolunteer(volunteerId) })
    .options({ reverse: true, limit: MY_CLAIMS_LIMIT })
    .send();
  return Items.map(toClaim);
};
