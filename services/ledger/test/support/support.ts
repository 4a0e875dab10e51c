import { ScanCommand } from 'dynamodb-toolbox';
import { events } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId } from '@lianxin/shared/ids';
import { busEvent, lambdaContext } from '@lianxin/shared/testing';
import type { ledgerEvents } from '../../src/events/consumer';
import { outbox, table } from '../../src/store/table';

export const deliver = async (handler: typeof ledgerEvents, e: Parameters<typeof busEvent>[0]) => handler(busEvent(e), lambdaContext);

/** A shift's verified hours worth `points`: `points × 6` minutes at 10 points an hour, verified at `at`. */
export const hoursVerified = (volunteerId: string, points: number, hourLogId = newId('hl'), at?: Date) =>
  events.HoursVerifiedV2.make({
    hourLogId, volunteerId, activityId: 'a', shiftId: 's', orgId: 'o', communityId: 'c', minutes: points * 6, kind: 'shift', pointsPerHour: 10, verifiedBy: 'org',
  }, 'hours', at);

export const requested = (volunteerId: string, merchantId: string, points: number, holdExpiresAt = new Date(Date.now() + 600_000).toISOString()) =>
  events.RedemptionRequestedV1.make({ redemptionId: newId('rdm'), volunteerId, merchantId, rewardId: 'r', points, holdExpiresAt }, 'redemption');

/** Test-only: every event in the ledger's outbox whose payload mentions `needle`. */
export const outboxFor = async (needle: string): Promise<Envelope[]> => {
  const found: Envelope[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.build(ScanCommand).entities(outbox).options({ consistent: true, ...(cursor ? { exclusiveStartKey: cursor } : {}) }).send();
    for (const item of page.Items ?? []) {
      const envelope = item.envelope as Envelope;
      if (JSON.stringify(envelope.data).includes(needle)) found.push(envelope);
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return found.sort((a, b) => (a.id < b.id ? -1 : 1));
};

export const outboxTypes = async (needle: string) => (await outboxFor(needle)).map((e) => e.type);

export const committedTransfers = async (needle: string) =>
  (await outboxFor(needle)).filter((e) => e.type === 'TransferCommitted');
