import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { events } from '../../src/events/catalog';
import { consumer } from '../../src/events/consumer';
import { outboxEnvelopes } from '../../src/events/relay';
import { busEvent, lambdaContext } from '../../src/testing';

const claimed = () => events.ShiftClaimedV1.make({ claimId: 'c1', activityId: 'a1', shiftId: 's1', volunteerId: 'v1' }, 'v1');

const record = (eventName: 'INSERT' | 'MODIFY', item: Record<string, unknown>): DynamoDBRecord => ({
  eventName,
  dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }) as never, NewImage: marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue> as never },
});

describe('event catalog', () => {
  it('stamps envelopes with type, version and producer', () => {
    const e = claimed();
    expect(e).toMatchObject({ type: 'ShiftClaimed', version: 1, source: 'lianxin.activities', actor: 'v1' });
    expect(events.ShiftClaimedV1.detailType).toBe('ShiftClaimed.v1');
  });

  it('refuses to make an event whose data breaks its contract', () => {
    expect(() => events.HoursVerifiedV2.make({ minutes: -1 } as never, 'x')).toThrow();
  });
});

describe('outbox relay', () => {
  it('forwards only inserted outbox items, unmarshalled to their envelope', () => {
    const e = claimed();
    const found = outboxEnvelopes([
      record('INSERT', { pk: `OUTBOX#${e.id}`, sk: 'OUTBOX', envelope: e }),
      record('MODIFY', { pk: `OUTBOX#${e.id}`, sk: 'OUTBOX', envelope: e }),
      record('INSERT', { pk: 'ACT#a1', sk: 'ACT', title: 'not an event' }),
    ]);
    expect(found).toEqual([e]);
  });
});

describe('consumer', () => {
  it('dispatches a valid event to its handler by exact detail-type', async () => {
    const seen: string[] = [];
    const handler = consumer('test', { ShiftClaimedV1: async (e) => seen.push(e.data.claimId) });
    await handler(busEvent(claimed()), lambdaContext);
    expect(seen).toEqual(['c1']);
  });

  it('throws on an event it does not subscribe to or a payload that breaks the contract', async () => {
    const handler = consumer('test', { ShiftClaimedV1: async () => undefined });
    const other = events.HoursRejectedV1.make({ hourLogId: 'h', volunteerId: 'v', shiftId: 's', reason: 'r', rejectedBy: 'o' }, 'o');
    await expect(handler(busEvent(other), lambdaContext)).rejects.toThrow(/does not consume/);
    const broken = { ...claimed(), data: { claimId: 'c1' } };
    await expect(handler(busEvent(broken), lambdaContext)).rejects.toThrow();
  });
});
