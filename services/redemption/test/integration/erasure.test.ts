import { describe, expect, it } from 'vitest';
import { QueryCommand } from 'dynamodb-toolbox';
import { caller, person } from '@lianxin/shared/testing';
import { loadRedemption } from '../../src/store/redemptions';
import { table } from '../../src/store/table';
import { app, deliver, holdUntil, ledger, personClosed, redeem, shop } from './support';

const inboxMarkers = async (eventId: string) =>
  (await table.build(QueryCommand).query({ partition: `INBOX#${eventId}` }).options({ consistent: true }).send()).Items ?? [];

/** PIPL: a closed account leaves its redemptions under the pseudonym, and everything else as it was. */
describe('PersonClosed', () => {
  it("puts the pseudonym in place of the person's masked name on every redemption of theirs, once", async () => {
    const { rewardId, asMerchant } = await shop();
    const chen = person({ roles: ['volunteer'], name: '陈小明' });
    const li = person({ roles: ['volunteer'], name: '李华' });
    const { body: held } = await redeem(chen, rewardId);
    await deliver(ledger.placed(held, holdUntil()));
    const { body: pending } = await redeem(chen, rewardId);
    const { body: other } = await redeem(li, rewardId);
    const [heldBefore, pendingBefore, otherBefore] = await Promise.all([held, pending, other].map((r) => loadRedemption(r.redemptionId)));

    const closed = personClosed(chen.userId);
    await deliver(closed);
    const { pseudonym } = closed.data;
    const heldAfter = await loadRedemption(held.redemptionId);
    const pendingAfter = await loadRedemption(pending.redemptionId);
    for (const [before, after] of [[heldBefore, heldAfter], [pendingBefore, pendingAfter]]) {
      expect(after).toEqual({ ...before, displayName: pseudonym, version: before!.version + 1, updatedAt: expect.any(String) });
      expect(JSON.stringify(after)).not.toContain('陈');
    }
    expect(await loadRedemption(other.redemptionId)).toEqual(otherBefore);

    await deliver(closed);
    expect(await loadRedemption(held.redemptionId)).toEqual(heldAfter);
    expect(await loadRedemption(pending.redemptionId)).toEqual(pendingAfter);
    expect(await inboxMarkers(closed.id)).toHaveLength(1);

    // The shop's views show the pseudonym, and the saga goes on under it.
    const listed = (await asMerchant('GET', '/me/redemptions')).body.items as { redemptionId: string; displayName?: string }[];
    expect(Object.fromEntries(listed.map((r) => [r.redemptionId, r.displayName]))).toEqual({
      [held.redemptionId]: pseudonym, [pending.redemptionId]: pseudonym, [other.redemptionId]: '李*',
    });
    const { code } = (await caller(app, chen)('GET', `/redemptions/${held.redemptionId}`)).body;
    const confirmed = await asMerchant('POST', '/redemptions/confirm', { body: { code } });
    expect(confirmed.body).toMatchObject({ redemptionId: held.redemptionId, status: 'confirmed', displayName: pseudonym, points: 120 });
    expect(JSON.stringify(confirmed.body)).not.toContain(chen.userId);
  });

  it('finishes cleanly for a person with no redemptions', async () => {
    const closed = personClosed(person({ roles: ['volunteer'] }).userId);
    await deliver(closed);
    await deliver(closed);
    expect(await inboxMarkers(closed.id)).toHaveLength(1);
  });
});
