import { describe, expect, it } from 'vitest';
import { caller, person } from '@lianxin/shared/testing';
import { app, deliver, holdUntil, ledger, redeem, shop } from './support';

/** Merchants see a display name and nothing more of a person (issue 10, item 6). */
describe('what a merchant sees of a volunteer', () => {
  it('a masked display name captured at the request, never the id or the full name, in every merchant view', async () => {
    const { rewardId, asMerchant } = await shop();
    const v = person({ roles: ['volunteer'], name: '陈小明' });
    const { body: r } = await redeem(v, rewardId);
    await deliver(ledger.placed(r, holdUntil()));
    const own = await caller(app, v)('GET', `/redemptions/${r.redemptionId}`);
    expect(own.body).toMatchObject({ volunteerId: v.userId, displayName: '陈*' });

    const listed = (await asMerchant('GET', '/me/redemptions')).body.items;
    const one = (await asMerchant('GET', `/redemptions/${r.redemptionId}`)).body;
    const confirmed = (await asMerchant('POST', '/redemptions/confirm', { body: { code: own.body.code } })).body;
    expect(confirmed.status).toBe('confirmed');
    for (const view of [listed[0], one, confirmed]) {
      expect(view).toMatchObject({ redemptionId: r.redemptionId, displayName: '陈*' });
      expect(view).not.toHaveProperty('volunteerId');
      expect(JSON.stringify(view)).not.toContain(v.userId);
      expect(JSON.stringify(view)).not.toContain('小明');
    }
  });
});
