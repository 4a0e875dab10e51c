import { describe, expect, it } from 'vitest';
import { clickUntilOk, keepScreenshot, statusOf, text, until, usePortal } from '../support/portal';

/**
 * The earn-and-redeem loop driven through the portal in Debian's Chromium, one browser
 * context per person: 陈静 claims the live shift of 湖滨环境清洁日, 李红 issues a check-in
 * code, 陈静 checks in and out, 李红 verifies 300 minutes (50 points), 陈静 redeems 洗护套装
 * (50 points) and shows the code, 联盛超市 confirms it, 陈静 sees it completed and 0 points.
 */
const OWN_PORTS = { dynamodb: 8210, api: 3210, lambda: 3212, eventbridge: 4210, deadLetters: 4220, portal: 5210, cognito: 9210 };

const VOLUNTEER = 'u-chenjing';
const ORGANIZER = 'u-lihong';
const MERCHANT = 'u-shop-liansheng';
const ACTIVITY = '湖滨环境清洁日';
const REWARD = 'r-soap-set';

const portal = usePortal('portal-loop', OWN_PORTS);
const { page, screenshotOnFailure } = portal;
const login = (who: 'volunteer' | 'organizer' | 'merchant', userId: string, viewport: { width: number; height: number }) => portal.login(who, userId, viewport);
const loop: { shiftId?: string; remainingBefore?: number; checkinCode?: string; hourLogId?: string; redemptionId?: string; redemptionCode?: string } = {};

describe('the earn-and-redeem loop through the portal', () => {
  it('shows the demo people by role and lets the volunteer claim the live shift', async () => {
    screenshotOnFailure();
    const v = await login('volunteer', VOLUNTEER, { width: 390, height: 844 });
    expect(await text(v.getByTestId('current-user'))).toContain('陈静');
    expect(await v.getByTestId('tab-activities').getAttribute('aria-selected')).toBe('true');

    // The first call of each function may be a cold start: refresh like a person would.
    const card = v.locator('article[data-testid^="activity-"]').filter({ hasText: ACTIVITY });
    await until(() => card.isVisible(), Boolean, 'the activity listed', () => v.getByTestId('activities-refresh').click(), 60_000);
    expect(await text(card)).toContain('10 积分/小时');
    const shift = card.locator('li[data-testid^="shift-"]').first();
    loop.shiftId = (await shift.getAttribute('data-testid'))!.slice('shift-'.length);
    expect(await shift.getAttribute('data-phase')).toBe('ongoing');
    const remaining = shift.getByTestId(`remaining-${loop.shiftId}`);
    loop.remainingBefore = Number(await remaining.getAttribute('data-remaining'));

    const activityId = (await card.getAttribute('data-testid'))!.slice('activity-'.length);
    await clickUntilOk(v, v.getByTestId(`claim-${loop.shiftId}`), `/activities/${activityId}/shifts/${loop.shiftId}/claims`, v.getByTestId(`claim-error-${loop.shiftId}`));
    await v.getByTestId(`claimed-${loop.shiftId}`).waitFor();
    expect(await text(v.getByTestId(`claimed-${loop.shiftId}`))).toContain('已报名');
    expect(await text(v.getByTestId('claim-success'))).toContain(ACTIVITY);
    await until(() => remaining.getAttribute('data-remaining').then(Number), (n) => n === loop.remainingBefore! - 1, 'places left after the claim');

    await v.getByTestId('tab-claims').click();
    await v.getByTestId(`claim-row-${loop.shiftId}`).waitFor();
    expect(await text(v.getByTestId(`claim-row-${loop.shiftId}`))).toContain(ACTIVITY);
    expect(await statusOf(v.getByTestId(`claim-status-${loop.shiftId}`))).toBe('confirmed');
  }, 120_000);

  it('lets the organizer issue a check-in code for that shift', async () => {
    screenshotOnFailure();
    const o = await login('organizer', ORGANIZER, { width: 1280, height: 860 });
    expect(await text(o.getByTestId('current-user'))).toContain('李红');
    // An organizer who also volunteers sees both roles' tabs.
    await o.getByTestId('tab-activities').waitFor();
    await o.getByTestId('tab-org-activities').click();
    const issue = o.getByTestId(`issue-code-${loop.shiftId}`);
    await until(() => issue.isVisible(), Boolean, 'the shift listed for its organizer', () => o.getByTestId('org-activities-refresh').click(), 60_000);
    expect(await text(o.getByTestId(`signed-up-${loop.shiftId}`))).toMatch(/已报名 \d+\/8/);

    await clickUntilOk(o, issue, `/shifts/${loop.shiftId}/checkin-codes`, o.getByTestId(`issue-code-error-${loop.shiftId}`));
    const code = o.getByTestId(`checkin-code-${loop.shiftId}`);
    await code.waitFor();
    loop.checkinCode = await text(code);
    expect(loop.checkinCode).toMatch(/^\d{6}$/);
    expect(await text(o.getByTestId(`checkin-code-expiry-${loop.shiftId}`))).toMatch(/\d{2}:\d{2} 后过期/);
  }, 120_000);

  it('checks the volunteer in and out with the code', async () => {
    screenshotOnFailure();
    const v = page('volunteer');
    await v.getByTestId('tab-checkin').click();
    await v.getByTestId('checkin-code-input').fill(loop.checkinCode!);
    // The hours service learns of the claim through an event: retry like a person would.
    await clickUntilOk(v, v.getByTestId('checkin-submit'), '/hours/check-in', v.getByTestId('checkin-error'));
    await v.getByTestId('checkin-result').waitFor();
    expect(await text(v.getByTestId('checkin-result'))).toContain('签到成功');
    expect(await statusOf(v.getByTestId('checkin-log-status'))).toBe('checked_in');
    loop.hourLogId = (await v.getByTestId('checkin-log').getAttribute('data-hour-log-id'))!;
    expect(loop.hourLogId).toBeTruthy();

    await clickUntilOk(v, v.getByTestId('checkout-submit'), '/hours/check-out', v.getByTestId('checkin-error'));
    await until(() => text(v.getByTestId('checkin-result')), (s) => s.includes('签退成功'), 'check-out shown');
    expect(await statusOf(v.getByTestId('checkin-log-status'))).toBe('checked_out');

    await v.getByTestId('tab-hours').click();
    await v.getByTestId(`hour-status-${loop.hourLogId}`).waitFor();
    expect(await statusOf(v.getByTestId(`hour-status-${loop.hourLogId}`))).toBe('checked_out');
    expect(await text(v.getByTestId(`hour-status-${loop.hourLogId}`))).toBe('待审核');
  }, 120_000);

  it('lets the organizer verify the hours, adjusted to 300 minutes with a note', async () => {
    screenshotOnFailure();
    const o = page('organizer');
    await o.getByTestId('tab-pending').click();
    const row = o.getByTestId(`pending-${loop.hourLogId}`);
    await until(() => row.isVisible(), Boolean, 'hours awaiting verification', () => o.getByTestId('pending-refresh').click());
    expect(await text(row)).toContain('陈静');
    expect(await text(row)).toContain(ACTIVITY);

    await o.getByTestId(`verify-minutes-${loop.hourLogId}`).fill('300');
    await o.getByTestId(`verify-note-${loop.hourLogId}`).fill('清洁区域扩大,延长时长');
    await clickUntilOk(o, o.getByTestId(`verify-${loop.hourLogId}`), `/hours/${loop.hourLogId}/verify`, o.getByTestId(`pending-error-${loop.hourLogId}`));
    await o.getByTestId('hours-result').waitFor();
    const result = await text(o.getByTestId('hours-result'));
    expect(result).toContain('陈静');
    expect(result).toContain('300 分钟');
    // The rate the activity was published with; the ledger alone turns it into points.
    expect(result).toContain('每小时 10 积分');
    await row.waitFor({ state: 'detached' });
  }, 120_000);

  it('shows the volunteer 50 available points once the ledger has them', async () => {
    screenshotOnFailure();
    const v = page('volunteer');
    await v.getByTestId('tab-hours').click();
    await until(() => statusOf(v.getByTestId(`hour-status-${loop.hourLogId}`)), (s) => s === 'verified', 'hours verified', () => v.getByTestId('hours-refresh').click());
    // The log's points come from the ledger's EARN entry: the pill appears once the ledger has it.
    expect(await text(v.getByTestId(`hour-points-${loop.hourLogId}`))).toBe('+50');

    await v.getByTestId('tab-points').click();
    const available = v.getByTestId('points-available');
    await until(() => text(available), (s) => s === '50', 'available points', () => v.getByTestId('points-refresh').click());
    expect(await text(v.getByTestId('points-held'))).toBe('0');
    expect(await text(v.getByTestId('points-lifetime'))).toBe('50');
    const earned = v.locator('li[data-testid^="txn-"]').filter({ hasText: '服务获得' });
    await until(() => earned.count(), (n) => n >= 1, 'the earn transaction', () => v.getByTestId('points-refresh').click());
    expect(await text(earned.first())).toContain('+50');
  }, 120_000);

  it('redeems 洗护套装 and shows the 8-digit code', async () => {
    screenshotOnFailure();
    const v = page('volunteer');
    await v.getByTestId('tab-rewards').click();
    await until(() => text(v.getByTestId('rewards-available')), (s) => s === '50', 'points on the rewards page');
    const reward = v.getByTestId(`reward-${REWARD}`);
    expect(await text(reward)).toContain('洗护套装');
    expect(await text(reward)).toContain('联盛超市');
    expect(await text(reward)).toContain('50 积分');

    await clickUntilOk(v, v.getByTestId(`redeem-${REWARD}`), `/rewards/${REWARD}/redemptions`, v.getByTestId(`redeem-error-${REWARD}`));
    const status = v.getByTestId('redemption-status');
    await status.waitFor();
    await until(() => statusOf(status), (s) => s !== 'pending', 'the hold on the points');
    expect(await statusOf(status)).toBe('held');
    expect(await text(status)).toBe('待核销');
    loop.redemptionId = (await v.getByTestId('redemption-panel').getAttribute('data-redemption-id'))!;
    loop.redemptionCode = await text(v.getByTestId('redemption-code'));
    expect(loop.redemptionCode).toMatch(/^\d{8}$/);
    expect(await text(v.getByTestId('redemption-expiry'))).toMatch(/有效期至.*后过期/);
    await keepScreenshot(v, 'portal-redemption-code');
  }, 120_000);

  it('lets the merchant confirm the code at the counter', async () => {
    screenshotOnFailure();
    const m = await login('merchant', MERCHANT, { width: 1280, height: 860 });
    expect(await text(m.getByTestId('current-user'))).toContain('联盛超市');
    await m.getByTestId('tab-confirm').click();
    await m.getByTestId('confirm-code-input').fill(loop.redemptionCode!);
    await clickUntilOk(m, m.getByTestId('confirm-submit'), '/redemptions/confirm', m.getByTestId('confirm-error'));
    await m.getByTestId('confirm-result').waitFor();
    expect(await m.getByTestId('confirm-result').getAttribute('data-redemption-id')).toBe(loop.redemptionId);
    expect(await text(m.getByTestId('confirm-reward'))).toBe('洗护套装');
    expect(await text(m.getByTestId('confirm-points'))).toBe('50');
    expect(['confirmed', 'completed']).toContain(await statusOf(m.getByTestId('confirm-status')));
    await until(() => statusOf(m.getByTestId('confirm-status')), (s) => s === 'completed', 'the redemption completed (merchant)');

    await m.getByTestId('tab-shop-redemptions').click();
    const mine = m.getByTestId(`shop-redemption-status-${loop.redemptionId}`);
    await mine.waitFor();
    expect(await statusOf(mine)).toBe('completed');
  }, 120_000);

  it('shows the volunteer the redemption completed and 0 available points', async () => {
    screenshotOnFailure();
    const v = page('volunteer');
    // The open redemption panel follows the redemption to its end.
    await until(() => statusOf(v.getByTestId('redemption-status')), (s) => s === 'completed', 'the redemption completed (volunteer)');
    expect(await text(v.getByTestId('redemption-completed'))).toContain('兑换完成');

    await v.getByTestId('tab-redemptions').click();
    const status = v.getByTestId(`redemption-status-${loop.redemptionId}`);
    await status.waitFor();
    expect(await statusOf(status)).toBe('completed');
    expect(await text(status)).toBe('已完成');

    await v.getByTestId('tab-points').click();
    await until(() => text(v.getByTestId('points-available')), (s) => s === '0', 'available points after the redemption', () => v.getByTestId('points-refresh').click());
    await until(() => text(v.getByTestId('points-held')), (s) => s === '0', 'held points after the redemption', () => v.getByTestId('points-refresh').click());
    expect(await text(v.getByTestId('points-lifetime'))).toBe('50');

    await keepScreenshot(v, 'portal-loop');
  }, 120_000);
});
