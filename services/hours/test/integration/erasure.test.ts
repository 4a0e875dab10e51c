import { QueryCommand } from 'dynamodb-toolbox';
import { describe, expect, it } from 'vitest';
import { must } from '@lianxin/shared/errors';
import { events } from '@lianxin/shared/events/catalog';
import { idFromKey, newId } from '@lianxin/shared/ids';
import { caller } from '@lianxin/shared/testing';
import { decisionEntry } from '../../src/domain/adminLog';
import { verify } from '../../src/domain/verification';
import { hoursVerified } from '../../src/events/publish';
import { decideHourLog, findHourLog } from '../../src/store/hourLogs';
import { table } from '../../src/store/table';
import { checkedOutLog, deliver, organizerOf, outboxEventsOf, volunteer } from '../support/fixtures';

const personClosed = (personId: string) => events.PersonClosedV1.make({ personId, pseudonym: newId('anon') }, personId);

const inboxMarkers = async (eventId: string) =>
  (await table.build(QueryCommand).query({ partition: `INBOX#${eventId}` }).options({ consistent: true }).send()).Items ?? [];

/** A micro-wish `doer` fulfilled, filed as their log (with no name) for `orgId` to verify. */
const wishLogOf = async (doer: string, orgId: string) => {
  const wishId = newId('wish');
  await deliver(events.WishFulfilledV1.make(
    { wishId, volunteerId: doer, gridId: 'g-hubin-1', communityId: newId('c'), minutes: 60, confirmedAt: new Date().toISOString(), orgIds: [orgId], postedBy: 'u-resident', claimedBy: doer },
    'u-resident',
  ));
  return idFromKey('hl', 'wish', wishId);
};

/** PIPL: a closed account leaves its hour logs under the pseudonym, and everything else as it was. */
describe('PersonClosed', () => {
  it("puts the pseudonym in place of the person's name on every log of theirs, once, and organizers see it", async () => {
    const zhang = volunteer();
    const orgId = newId('org');
    const { app, organizer, hourLogId: shiftLog } = await checkedOutLog(zhang, orgId);
    const { hourLogId: othersLog } = await checkedOutLog(volunteer({ name: '李华' }), orgId);
    const wishLog = await wishLogOf(zhang.userId, orgId);
    const [shiftBefore, wishBefore, othersBefore] = await Promise.all([shiftLog, wishLog, othersLog].map(findHourLog));
    expect(shiftBefore?.volunteerName).toBe('张小明');

    const closed = personClosed(zhang.userId);
    await deliver(closed);
    const { pseudonym } = closed.data;
    const shiftAfter = await findHourLog(shiftLog);
    const wishAfter = await findHourLog(wishLog);
    expect(shiftAfter).toEqual({ ...shiftBefore, volunteerName: pseudonym });
    expect(wishAfter).toEqual({ ...wishBefore, volunteerName: pseudonym });
    expect(JSON.stringify(shiftAfter)).not.toContain('小明');
    expect(await findHourLog(othersLog)).toEqual(othersBefore);

    await deliver(closed);
    expect(await findHourLog(shiftLog)).toEqual(shiftAfter);
    expect(await findHourLog(wishLog)).toEqual(wishAfter);
    expect(await inboxMarkers(closed.id)).toHaveLength(1);

    const pending = (await caller(app, organizer)('GET', '/hours/pending')).body.items as { hourLogId: string; volunteerName: string }[];
    expect(Object.fromEntries(pending.map((l) => [l.hourLogId, l.volunteerName]))).toEqual({ [shiftLog]: pseudonym, [wishLog]: pseudonym, [othersLog]: '李华' });
    const verified = await caller(app, organizer)('POST', `/hours/${shiftLog}/verify`, { body: {} });
    expect(verified.body).toMatchObject({ status: 'verified', volunteerId: zhang.userId, volunteerName: pseudonym, minutes: 30 });
    expect((await outboxEventsOf(shiftLog)).map((e) => e.data)).toEqual([expect.objectContaining({ volunteerId: zhang.userId, minutes: 30 })]);
  });

  it('is not undone by a decision made on the log as read before it', async () => {
    const zhang = volunteer();
    const orgId = newId('org');
    const { hourLogId } = await checkedOutLog(zhang, orgId);
    const stale = (await findHourLog(hourLogId))!;
    const closed = personClosed(zhang.userId);
    await deliver(closed);

    const organizer = organizerOf(orgId);
    const at = new Date();
    const next = must(verify(stale, organizer, {}, at, 20));
    expect(await decideHourLog(next, hoursVerified(next, at), decisionEntry('hours.verify', organizer.userId, orgId, stale, next))).toBe(false);
    expect(await findHourLog(hourLogId)).toMatchObject({ status: 'checked_out', volunteerName: closed.data.pseudonym });
    expect(await outboxEventsOf(hourLogId)).toEqual([]);
  });
});
