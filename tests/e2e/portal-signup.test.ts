import { describe, expect, it } from 'vitest';
import { type ApiClient, eventually, signIn, withToken } from '../support/api';
import { passwordSignIn } from '../support/cognito';
import { statusOf, text, until, usePortal } from '../support/portal';

/**
 * A newcomer, end to end in Debian's Chromium against the Cognito emulator: signs up with a
 * mobile number, reads the SMS code in the dev message box, accepts the privacy notice, fills
 * in where they live, registers 双报到 (work unit and party branch), which 李红's community
 * confirms; the admin grants them organizer of 湖滨社区党委 and they publish an activity.
 * Nothing here is seeded for them: every right they end with was granted through the portal.
 */
const OWN_PORTS = { dynamodb: 8250, api: 3250, lambda: 3252, eventbridge: 4250, deadLetters: 4260, portal: 5250, cognito: 9250 };
const portal = usePortal('portal-signup', OWN_PORTS);
const { screenshotOnFailure, urls } = portal;

// A number of its own each run, so the shared stack may run the suite twice.
const digits = `138${String(Date.now()).slice(-8)}`;
const NEWCOMER = { digits, phone: `+86${digits}`, password: 'xinren2026', name: '林新' };
const newcomer: { personId?: string } = {};

/** Select the option whose label contains `label` (pickers list names in the page's language). */
const pick = async (page: ReturnType<typeof portal.page>, testid: string, label: string) => {
  const select = page.getByTestId(testid);
  await until(async () => (await select.locator('option').allTextContents()).some((o) => o.includes(label)), Boolean, `${testid} lists ${label}`);
  const value = await select.locator('option', { hasText: label }).first().getAttribute('value');
  await select.selectOption(value!);
};

describe('a newcomer through the portal', () => {
  it('reads the points in the open before signing up', async () => {
    screenshotOnFailure();
    const p = await portal.open('newcomer', { width: 390, height: 844 });
    await p.getByTestId('public-transparency-link').click();
    const figures = p.getByTestId('transparency');
    await figures.locator('table').waitFor();
    expect(await figures.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await p.getByTestId('current-user').count()).toBe(0);
    await p.goto('/');
  }, 60_000);

  it('signs up with a mobile number and the SMS code from the dev message box', async () => {
    screenshotOnFailure();
    const p = portal.page('newcomer');
    await p.getByTestId('auth-tab-signup').click();
    await p.getByTestId('signup-phone').fill(NEWCOMER.digits);
    await p.getByTestId('signup-password').fill('short');
    await p.getByTestId('signup-name').fill(NEWCOMER.name);
    await p.getByTestId('signup-submit').click();
    await p.getByTestId('signup-local-error').waitFor();
    await p.getByTestId('signup-password').fill(NEWCOMER.password);
    await p.getByTestId('signup-submit').click();
    await p.getByTestId('confirm-signup-code').waitFor();

    // The dev message box, as a person would open it beside the form.
    const box = await p.context().newPage();
    await box.goto('/dev/messages');
    const message = box.locator(`[data-testid="dev-message"][data-phone="${NEWCOMER.phone}"]`).first();
    await until(() => message.isVisible(), Boolean, 'the SMS in the dev box', () => box.getByTestId('dev-box-refresh').click());
    const code = await text(message.getByTestId('dev-message-code'));
    expect(code).toMatch(/^\d{6}$/);
    await box.close();

    await p.getByTestId('confirm-signup-code').fill(code);
    await p.getByTestId('confirm-signup-submit').click();
    await p.getByTestId('privacy-notice').waitFor();
    newcomer.personId = (await p.getByTestId('current-user').getAttribute('data-user-id'))!;
    expect(newcomer.personId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);

  it('accepts the privacy notice and registers where they live', async () => {
    screenshotOnFailure();
    const p = portal.page('newcomer');
    await p.getByTestId('privacy-accept').click();
    await p.getByTestId('profile-form').waitFor();
    await p.getByTestId('profile-display-name').fill(NEWCOMER.name);
    await pick(p, 'profile-street', '白水湖');
    await pick(p, 'profile-community', '湖滨');
    await pick(p, 'profile-grid', '湖滨社区第2网格');
    await p.getByTestId('profile-save').click();
    await p.getByTestId('tab-activities').waitFor();
    const me = withToken(urls.apiUrl, (await passwordSignIn(urls.apiUrl, NEWCOMER.phone, NEWCOMER.password)).idToken);
    const profile = (await me.get('/people/me')).body;
    expect(profile).toMatchObject({ status: 'active', profile: { displayName: NEWCOMER.name, gridId: 'g-hubin-2', communityId: 'c-hubin' } });
    expect(profile.claims).toMatchObject({ roles: ['volunteer'], scopes: ['grid:g-hubin-2'] });
  }, 60_000);

  it('registers 双报到, which the community confirms', async () => {
    screenshotOnFailure();
    const p = portal.page('newcomer');
    await p.getByTestId('tab-profile').click();
    await p.getByTestId('dual-work-unit').fill('浔阳区人民医院');
    await p.getByTestId('dual-party-branch').fill('区人民医院第一党支部');
    await p.getByTestId('dual-submit').click();
    await until(() => statusOf(p.getByTestId('dual-status-card')), (s) => s === 'pending', '双报到 pending');

    const o = await portal.login('organizer', 'u-lihong');
    await o.getByTestId('tab-registrations').click();
    const confirm = o.getByTestId(`registration-confirm-${newcomer.personId}`);
    await until(() => confirm.isVisible(), Boolean, 'the registration awaiting the community', () => o.getByTestId('registrations-refresh').click());
    expect(await text(o.getByTestId(`registration-${newcomer.personId}`))).toContain('浔阳区人民医院');
    await confirm.click();
    await o.getByTestId('registration-message').waitFor();

    await p.reload();
    await p.getByTestId('tab-profile').click();
    await until(() => statusOf(p.getByTestId('dual-status-card')), (s) => s === 'confirmed', '双报到 confirmed');
  }, 90_000);

  it('is granted organizer by the admin, with a reason, and the grant is logged', async () => {
    screenshotOnFailure();
    const a = await portal.login('admin', 'u-admin');
    await a.getByTestId('tab-grants').click();
    await a.getByTestId('lookup-phone').fill(NEWCOMER.digits);
    await a.getByTestId('lookup-submit').click();
    await a.getByTestId('grant-form').waitFor();
    expect(await a.getByTestId('person-grants').getAttribute('data-person-id')).toBe(newcomer.personId);
    await a.getByTestId('grant-choice').selectOption('organizer|org:org-cpb-hubin');
    await a.getByTestId('grant-reason').fill('社区党委新任组织委员');
    await a.getByTestId('grant-submit').click();
    await a.getByTestId('grant-message').waitFor();

    await a.getByTestId('tab-overview').click();
    const log = a.getByTestId('people-log');
    await until(() => text(log), (s) => s.includes(newcomer.personId!) && s.includes('社区党委新任组织委员'), 'the grant in the people log', () => a.getByTestId('people-log-refresh').click());
  }, 90_000);

  it('signs in again as an organizer of 湖滨社区党委 and publishes an activity', async () => {
    screenshotOnFailure();
    const p = portal.page('newcomer');
    // The grant reaches the next token: sign out and in, as the portal tells a person to.
    await p.getByTestId('logout').click();
    await p.getByTestId('signin-phone').fill(NEWCOMER.digits);
    await p.getByTestId('signin-password').fill(NEWCOMER.password);
    await p.getByTestId('signin-submit').click();
    await p.getByTestId('tab-org-activities').click();
    await p.getByTestId('new-activity').click();
    const title = `新任组织委员的活动-${digits.slice(-4)}`;
    await p.getByTestId('activity-title').fill(title);
    await p.getByTestId('activity-description').fill('湖滨社区第2网格楼道清理。');
    await p.getByTestId('activity-address').fill('湖滨社区第2网格活动室');
    await p.getByTestId('activity-publish').click();
    const published = p.getByTestId('activity-published');
    await published.waitFor();
    const activityId = (await published.getAttribute('data-activity-id'))!;

    const volunteer: ApiClient = await signIn(urls.apiUrl, 'u-chenjing');
    const seen = await eventually(() => volunteer.get(`/activities/${activityId}`), (r) => r.status === 200);
    expect(seen.body).toMatchObject({ title, orgId: 'org-cpb-hubin', createdBy: newcomer.personId, status: 'published' });
  }, 90_000);
});
