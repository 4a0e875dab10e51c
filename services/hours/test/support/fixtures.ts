import { ScanCommand } from 'dynamodb-toolbox';
import { expect } from 'vitest';
import type { Principal } from '@lianxin/shared/auth/principal';
import { events as catalog } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { newId, numericCode } from '@lianxin/shared/ids';
import { busEvent, caller, lambdaContext, person } from '@lianxin/shared/testing';
import { findCode } from '../../src/store/codes';
import { findHourLog } from '../../src/store/hourLogs';
import { outbox, table } from '../../src/store/table';
import { handler as consume } from '../../src/handlers/events';
import { createApp } from '../../src/http/app';

export const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** Deliver an envelope to the hours consumer the way the bus does. */
export const deliver = (envelope: Envelope) => consume(busEvent(envelope), lambdaContext);

export interface ShiftPlan {
  startsAt: Date;
  lengthMinutes?: number;
  pointsPerHour?: number;
  category?: string;
}

export const activityPublished = (orgId: string, plan: ShiftPlan) => {
  const shiftId = newId('sh');
  const envelope = catalog.ActivityPublishedV1.make(
    {
      activityId: newId('act'),
      orgId,
      gridId: 'g-hubin-1',
      communityId: 'c-hubin',
      title: '湖滨社区义诊',
      pointsPerHour: plan.pointsPerHour ?? 25,
      ...(plan.category ? { category: plan.category } : {}),
      shifts: [
        {
          shiftId,
          startsAt: plan.startsAt.toISOString(),
          endsAt: minutesAfter(plan.startsAt, plan.lengthMinutes ?? 120).toISOString(),
          capacity: 10,
        },
      ],
    },
    'u-organizer',
  );
  return { envelope, shiftId, activityId: envelope.data.activityId };
};

export const shiftClaimed = (activityId: string, shiftId: string, volunteerId: string) =>
  catalog.ShiftClaimedV1.make({ claimId: newId('clm'), activityId, shiftId, volunteerId }, volunteerId);

export const organizerOf = (orgId: string, overrides: Partial<Principal> = {}) =>
  person({ roles: ['organizer'], scopes: [`org:${orgId}`], name: '王青', ...overrides });

export const volunteer = (overrides: Partial<Principal> = {}) => person({ roles: ['volunteer'], name: '张小明', ...overrides });

/** A published shift of a fresh organization, its organizer, and a volunteer on its roster. */
export const staffedShift = async (plan: ShiftPlan) => {
  const orgId = newId('org');
  const published = activityPublished(orgId, plan);
  const onRoster = volunteer();
  await deliver(published.envelope);
  await deliver(shiftClaimed(published.activityId, published.shiftId, onRoster.userId));
  return { orgId, shiftId: published.shiftId, activityId: published.activityId, organizer: organizerOf(orgId), volunteer: onRoster };
};

/** Digits no stored code holds, so a test can rely on them being unknown or free. */
export const unusedCode = async (): Promise<string> => {
  for (;;) {
    const code = numericCode(6);
    if (!(await findCode(code))) return code;
  }
};

/** The outbox events whose data match `where` (a test-only scan). */
export const outboxEventsWhere = async <D>(where: (data: D) => boolean): Promise<Envelope<D>[]> => {
  const { Items = [] } = await table.build(ScanCommand).entities(outbox).options({ maxPages: Number.POSITIVE_INFINITY }).send();
  return Items.map((i) => i.envelope as Envelope<D>).filter((e) => where(e.data));
};

/** The outbox events written about one hour log. */
export const outboxEventsOf = (hourLogId: string) => outboxEventsWhere<{ hourLogId?: string }>((d) => d.hourLogId === hourLogId);

/** The hours app on a clock the test moves. */
export const appOnTestClock = (start = new Date()) => {
  let now = start;
  const app = createApp(() => now);
  return { app, setNow: (at: Date) => void (now = at) };
};

/** A checked-out log of `worker` (30 minutes) on a shift of a fresh organization. */
export const checkedOutLog = async (worker: Principal = volunteer(), orgId = newId('org'), category?: string) => {
  const t0 = new Date();
  const { app, setNow } = appOnTestClock(t0);
  const published = activityPublished(orgId, { startsAt: t0, pointsPerHour: 20, category });
  await deliver(published.envelope);
  await deliver(shiftClaimed(published.activityId, published.shiftId, worker.userId));
  const organizer = organizerOf(orgId);
  const { code } = (await caller(app, organizer)('POST', `/shifts/${published.shiftId}/checkin-codes`, { body: {} })).body;
  const asWorker = caller(app, worker);
  const { hourLogId } = (await asWorker('POST', '/hours/check-in', { body: { code }, idempotencyKey: newId('key') })).body;
  setNow(minutesAfter(t0, 30));
  const { code: exit } = (await caller(app, organizer)('POST', `/shifts/${published.shiftId}/checkin-codes`, { body: {} })).body;
  await asWorker('POST', '/hours/check-out', { body: { code: exit } });
  return { app, orgId, organizer, hourLogId: hourLogId as string };
};

/** A refused decision leaves the log awaiting one, with no event written. */
export const expectUntouched = async (hourLogId: string) => {
  expect((await findHourLog(hourLogId))?.status).toBe('checked_out');
  expect(await outboxEventsOf(hourLogId)).toEqual([]);
};
