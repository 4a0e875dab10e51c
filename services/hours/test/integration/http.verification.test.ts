import { describe, expect, it } from 'vitest';
import { newId } from '@lianxin/shared/ids';
import { caller } from '@lianxin/shared/testing';
import { checkedOutLog, expectUntouched, organizerOf, outboxEventsOf, volunteer } from '../support/fixtures';

describe('who may verify', () => {
  it('nobody verifies their own hours, not even an organizer of the organization', async () => {
    const orgId = newId('org');
    const organizerVolunteer = volunteer({ roles: ['organizer', 'volunteer'], scopes: [`org:${orgId}`] });
    const { app, hourLogId } = await checkedOutLog(organizerVolunteer, orgId);
    const answer = await caller(app, organizerVolunteer)('POST', `/hours/${hourLogId}/verify`, { body: {} });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('SELF_VERIFICATION');
    await expectUntouched(hourLogId);
  });

  it('a volunteer cannot verify, even with the organization scope', async () => {
    const { app, orgId, hourLogId } = await checkedOutLog();
    const answer = await caller(app, volunteer({ scopes: [`org:${orgId}`] }))('POST', `/hours/${hourLogId}/verify`, { body: {} });
    expect(answer.status).toBe(403);
    await expectUntouched(hourLogId);
  });

  it('an organizer of another organization can neither verify nor reject, nor sees it pending', async () => {
    const { app, hourLogId } = await checkedOutLog();
    const stranger = caller(app, organizerOf(newId('org')));
    expect((await stranger('POST', `/hours/${hourLogId}/verify`, { body: {} })).status).toBe(403);
    expect((await stranger('POST', `/hours/${hourLogId}/reject`, { body: { reason: '不认识' } })).status).toBe(403);
    expect((await stranger('GET', '/hours/pending')).body.items).toEqual([]);
    await expectUntouched(hourLogId);
  });

  it('answers 404 for an unknown log', async () => {
    const { app, organizer } = await checkedOutLog();
    const answer = await caller(app, organizer)('POST', `/hours/${newId('hl')}/verify`, { body: {} });
    expect(answer.status).toBe(404);
    expect(answer.body.error.fields).toEqual({ hourLogId: 'not found' });
  });
});

describe('verifying', () => {
  it('credits the recorded minutes when nothing is adjusted', async () => {
    const { app, organizer, hourLogId } = await checkedOutLog();
    const answer = await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: {} });
    expect(answer.body).toMatchObject({ status: 'verified', minutes: 30, pointsPerHour: 20 });
    expect(answer.body).not.toHaveProperty('points');
  });

  it("carries the activity's category and the organizer's bonus into HoursVerified", async () => {
    const { app, organizer, hourLogId } = await checkedOutLog(volunteer(), newId('org'), '助老');
    const answer = await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { bonusPoints: 15 } });
    expect(answer.body).toMatchObject({ status: 'verified', minutes: 30, bonusPoints: 15, category: '助老' });
    const [verified] = await outboxEventsOf(hourLogId);
    expect(verified).toMatchObject({ type: 'HoursVerified', version: 2 });
    expect(verified?.data).toMatchObject({ minutes: 30, kind: 'shift', pointsPerHour: 20, bonusPoints: 15, category: '助老' });
    expect(verified?.data).not.toHaveProperty('points');
  });

  it('emits no bonus and no category when there are none', async () => {
    const { app, organizer, hourLogId } = await checkedOutLog();
    await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { bonusPoints: 0 } });
    const [verified] = await outboxEventsOf(hourLogId);
    expect(verified?.data).toMatchObject({ minutes: 30, kind: 'shift', pointsPerHour: 20 });
    expect(verified?.data).not.toHaveProperty('bonusPoints');
    expect(verified?.data).not.toHaveProperty('category');
  });

  it('needs a note for adjusted minutes', async () => {
    const { app, organizer, hourLogId } = await checkedOutLog();
    const answer = await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: { minutes: 45 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty('note');
    await expectUntouched(hourLogId);
  });

  it('emits exactly one event when organizers verify at once, and 409 to the others', async () => {
    const { app, orgId, organizer, hourLogId } = await checkedOutLog();
    const colleagues = [organizer, organizerOf(orgId), organizerOf(orgId), organizerOf(orgId)];
    const answers = await Promise.all(
      colleagues.map((who, i) => caller(app, who)('POST', `/hours/${hourLogId}/verify`, { body: { minutes: 30 + i, note: `复核 ${i}` } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.code).toBe('ALREADY_VERIFIED');
    const emitted = await outboxEventsOf(hourLogId);
    expect(emitted).toHaveLength(1);
    const winner = answers.find((a) => a.status === 200)!.body;
    expect(emitted[0]!.data).toMatchObject({ minutes: winner.minutes, kind: 'shift' });
    expect(emitted[0]!.data).not.toHaveProperty('points');

    const again = await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_VERIFIED');
    expect(await outboxEventsOf(hourLogId)).toHaveLength(1);
  });

  it('cannot reject hours already verified', async () => {
    const { app, organizer, hourLogId } = await checkedOutLog();
    await caller(app, organizer)('POST', `/hours/${hourLogId}/verify`, { body: {} });
    const answer = await caller(app, organizer)('POST', `/hours/${hourLogId}/reject`, { body: { reason: '改主意了' } });
    expect(answer.status).toBe(409);
    expect(await outboxEventsOf(hourLogId)).toHaveLength(1);
  });
});
