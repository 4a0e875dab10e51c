import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ApiClient, eventually, signIn } from '../support/api';
import { clickUntilOk, keepScreenshot, statusOf, text, until, usePortal } from '../support/portal';

/**
 * The community features of the portal in Debian's Chromium, one browser context per person:
 * 李红 (湖滨社区党委) issues an emergency call to grid g-hubin-3 and 刘洋 (g-hubin-3) sees it at
 * the top of his activities and accepts it; 张伟 cancels a claim from "my claims" and is told
 * when a cancellation is too late; 张伟 (g-hubin-1) posts a micro-wish, 王青 (Youth League,
 * serving every grid) approves it, 李红 as a volunteer of g-hubin-1 claims and fulfils it,
 * 张伟 confirms it, and 王青 — neither poster nor claimant — verifies the hours it earned.
 */
const OWN_PORTS = { dynamodb: 8230, api: 3230, lambda: 3232, eventbridge: 4230, deadLetters: 4240, portal: 5230, cognito: 9230 };

const ORGANIZER = 'u-lihong';
const LEAGUE = 'u-wangqing';
const CALLED = 'u-liuyang';
const RESIDENT = 'u-zhangwei';
const RUN = randomUUID().slice(0, 6);

const portal = usePortal('portal-community', OWN_PORTS);
const { screenshotOnFailure, urls } = portal;
/** Each person's page is keyed by their user id. */
const login = (userId: string, viewport?: { width: number; height: number }) => portal.login(userId, userId, viewport);

/** An activity of the demo by title, and its shifts soonest first. */
const activityNamed = async (client: ApiClient, gridId: string, title: string) => {
  const list = await client.get(`/activities?gridId=${gridId}`);
  const activity = list.body.items.find((a: { title: string }) => a.title === title);
  expect(activity, title).toBeTruthy();
  return activity as { activityId: string; shifts: { shiftId: string; startsAt: string }[] };
};

describe('community features through the portal', () => {
  it('puts an emergency call at the top of the volunteer\'s view and counts the acceptance', async () => {
    screenshotOnFailure();
    const organizer = await signIn(urls.apiUrl, ORGANIZER);
    const title = `紧急转移群众-${RUN}`;
    const issued = await organizer.post('/emergency-calls', {
      title,
      description: '湖滨路低洼处积水,需协助转移老人。',
      gridIds: ['g-hubin-3'],
      targetHeadcount: 3,
      musterPoint: { address: '湖滨社区党群服务中心门口', lat: 29.71, lng: 116.0 },
      // Long enough that the call never widens to other grids while the suites run.
      escalateAfterMinutes: 240,
    });
    expect(issued.status).toBe(201);
    const callId = issued.body.callId as string;

    const v = await login(CALLED, { width: 390, height: 844 });
    const call = v.getByTestId(`call-${callId}`);
    // Each reload loads the person's profile, then the view: give it a few seconds to show the call.
    const shownWithin = () => call.waitFor({ timeout: 5000 }).then(() => true, () => false);
    await until(shownWithin, Boolean, 'the call shown to the volunteer', () => v.reload().then(() => undefined), 60_000);
    // Above everything else: the first thing in the view, before the activities section.
    const first = v.locator('[data-testid="view-activities"] > *').first();
    expect(await first.getAttribute('data-testid')).toBe('emergency-calls');
    const callBox = (await call.boundingBox())!;
    const sectionBox = (await v.locator('[data-testid="view-activities"] section.section').first().boundingBox())!;
    expect(callBox.y + callBox.height).toBeLessThanOrEqual(sectionBox.y);

    const shown = await text(call);
    expect(shown).toContain(title);
    expect(shown).toContain('湖滨路低洼处积水');
    expect(shown).toContain('集合地点:湖滨社区党群服务中心门口');
    const headcount = v.getByTestId(`call-headcount-${callId}`);
    expect(await text(headcount)).toBe('已响应 0/3 人');
    expect(await v.getByTestId(`call-answer-${callId}`).count()).toBe(0);

    await clickUntilOk(v, v.getByTestId(`call-accept-${callId}`), `/emergency-calls/${callId}/responses`, v.getByTestId(`call-error-${callId}`));
    await until(() => headcount.getAttribute('data-accepted'), (n) => n === '1', 'the headcount after accepting');
    expect(await text(headcount)).toBe('已响应 1/3 人');
    expect(await text(v.getByTestId(`call-answer-${callId}`))).toBe('您已接受');
    expect(await v.getByTestId(`call-accept-${callId}`).isDisabled()).toBe(true);
    expect((await organizer.get(`/emergency-calls/${callId}`)).body.accepted).toBe(1);

    // The same notice in English, and the answer still known after a reload.
    await v.getByTestId('lang-en').click();
    expect(await text(headcount)).toBe('1 of 3 people accepted');
    expect(await text(v.getByTestId(`call-decline-${callId}`))).toBe('Decline');
    await v.getByTestId('lang-zh').click();
    await v.reload();
    await v.getByTestId(`call-answer-${callId}`).waitFor();
    expect(await text(v.getByTestId(`call-headcount-${callId}`))).toBe('已响应 1/3 人');
    await keepScreenshot(v, 'portal-emergency-call');
  }, 120_000);

  it('cancels a claim from my claims after a confirm step, and explains a late cancellation', async () => {
    screenshotOnFailure();
    const resident = await signIn(urls.apiUrl, RESIDENT);
    // A shift a day away (cancellable) and the live shift of the demo (past its deadline).
    const later = await activityNamed(resident, 'g-yanshui-1', '四点半课堂作业辅导');
    const live = await activityNamed(resident, 'g-hubin-1', '湖滨环境清洁日');
    const laterShift = later.shifts[0]!.shiftId;
    const liveShift = live.shifts[0]!.shiftId;
    expect((await resident.post(`/activities/${later.activityId}/shifts/${laterShift}/claims`)).status).toBe(201);
    expect((await resident.post(`/activities/${live.activityId}/shifts/${liveShift}/claims`)).status).toBe(201);

    const r = await login(RESIDENT);
    await r.getByTestId('tab-claims').click();
    await r.getByTestId(`claim-row-${laterShift}`).waitFor();
    expect(await statusOf(r.getByTestId(`claim-status-${laterShift}`))).toBe('confirmed');

    // The first click only asks; "no" keeps the claim.
    await r.getByTestId(`cancel-claim-${laterShift}`).click();
    expect(await text(r.getByTestId(`cancel-claim-${laterShift}-confirm`))).toContain('确定取消这次报名吗?');
    await r.getByTestId(`cancel-claim-${laterShift}-no`).click();
    expect(await statusOf(r.getByTestId(`claim-status-${laterShift}`))).toBe('confirmed');

    await r.getByTestId(`cancel-claim-${laterShift}`).click();
    const claimId = ((await resident.get('/me/claims')).body.items as { claimId: string; shiftId: string }[]).find((c) => c.shiftId === laterShift)!.claimId;
    await clickUntilOk(r, r.getByTestId(`cancel-claim-${laterShift}-yes`), `/claims/${claimId}`, r.getByTestId(`cancel-error-${laterShift}`), 'DELETE');
    await until(() => statusOf(r.getByTestId(`claim-status-${laterShift}`)), (s) => s === 'cancelled', 'the claim shown cancelled');
    expect(await text(r.getByTestId(`claim-status-${laterShift}`))).toBe('已取消');
    expect(await r.getByTestId(`cancel-claim-${laterShift}`).count()).toBe(0);
    const mine = (await resident.get('/me/claims')).body.items as { shiftId: string; status: string }[];
    expect(mine.find((c) => c.shiftId === laterShift)?.status).toBe('cancelled');

    // The live shift began already: the server refuses, and the portal says why in Chinese.
    await r.getByTestId(`cancel-claim-${liveShift}`).click();
    await r.getByTestId(`cancel-claim-${liveShift}-yes`).click();
    const error = r.getByTestId(`cancel-error-${liveShift}`);
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('CANCELLATION_CLOSED');
    expect(await text(error.locator('strong'))).toBe('已过取消截止时间,请联系组织者。');
    // The server's field detail comes under its translated name.
    expect(await text(error)).toMatch(/报名: cancellable until /);
    expect(await statusOf(r.getByTestId(`claim-status-${liveShift}`))).toBe('confirmed');
  }, 120_000);

  it('takes a micro-wish from posted through approved, claimed and fulfilled to confirmed', async () => {
    screenshotOnFailure();
    const title = `帮忙更换楼道灯泡-${RUN}`;
    const r = (portal.has(RESIDENT) ? portal.page(RESIDENT) : await login(RESIDENT));
    await r.getByTestId('tab-wishes').click();
    await r.getByTestId('wish-form').waitFor();

    // The form refuses to send without the required fields.
    await r.getByTestId('wish-form-submit').click();
    expect(await text(r.getByTestId('wish-form-submit-local-error'))).toBe('请填写标题、地址、联系人和联系电话。');

    await r.getByTestId('wish-form-title').fill(title);
    await r.getByTestId('wish-form-description').fill('三楼楼道灯坏了,老人晚上看不清台阶。');
    await r.getByTestId('wish-form-address').fill('湖滨路8号3单元');
    await r.getByTestId('wish-form-contactName').fill('张伟');
    await r.getByTestId('wish-form-contactPhone').fill('13812345678');
    await clickUntilOk(r, r.getByTestId('wish-form-submit'), '/wishes', r.getByTestId('wish-form-submit-error'));
    expect(await text(r.getByTestId('wish-message'))).toBe(`心愿已提交,等待社区审核:${title}`);
    const card = r.getByTestId('wishes-mine').locator(`li[data-title="${title}"]`);
    await card.waitFor();
    const wishId = (await card.getAttribute('data-wish-id'))!;
    expect(await statusOf(r.getByTestId(`wish-status-${wishId}`))).toBe('pending_review');
    expect(await text(r.getByTestId(`wish-status-${wishId}`))).toBe('待审核');
    expect(await text(card)).toContain('13812345678');

    // 王青 reviews the wishes of the grids her organization serves and approves it (whoever
    // approves a wish may not claim it).
    const league = await login(LEAGUE);
    await league.getByTestId('tab-wish-review').click();
    const approve = league.getByTestId(`wish-approve-${wishId}`);
    await until(() => approve.isVisible(), Boolean, 'the wish awaiting review', () => league.getByTestId('wish-review-refresh').click());
    // An empty reason is refused before anything is sent.
    await league.getByTestId(`wish-reject-${wishId}`).click();
    expect(await text(league.getByTestId(`wish-reject-${wishId}-local-error`))).toBe('请填写不通过的原因。');
    await clickUntilOk(league, approve, `/wishes/${wishId}/approve`, league.getByTestId(`wish-approve-${wishId}-error`));
    expect(await text(league.getByTestId('wish-review-message'))).toBe(`已通过:${title}`);
    await until(() => approve.count(), (n) => n === 0, 'the approved wish leaving the review list');

    // 李红, a volunteer of g-hubin-1, claims it, then reports it done.
    const o = await login(ORGANIZER);
    await o.getByTestId('tab-wishes').click();
    const claim = o.getByTestId(`wish-claim-${wishId}`);
    await until(() => claim.isVisible(), Boolean, 'the open wish', () => o.getByTestId('wishes-refresh').click());
    await clickUntilOk(o, claim, `/wishes/${wishId}/claim`, o.getByTestId(`wish-claim-${wishId}-error`));
    const status = o.getByTestId('wishes-mine').getByTestId(`wish-status-${wishId}`);
    await until(() => statusOf(status), (s) => s === 'claimed', 'the wish claimed');
    await o.getByTestId(`wish-minutes-${wishId}`).fill('0');
    await o.getByTestId(`wish-note-${wishId}`).fill('已更换 LED 灯泡并检查线路');
    await o.getByTestId(`wish-fulfil-${wishId}`).click();
    expect(await text(o.getByTestId(`wish-fulfil-${wishId}-local-error`))).toBe('请填写完成说明,分钟数为 1–480 的整数。');
    await o.getByTestId(`wish-minutes-${wishId}`).fill('45');
    await clickUntilOk(o, o.getByTestId(`wish-fulfil-${wishId}`), `/wishes/${wishId}/fulfil`, o.getByTestId(`wish-fulfil-${wishId}-error`));
    await until(() => statusOf(status), (s) => s === 'fulfilled', 'the wish reported fulfilled');
    expect(await text(status)).toBe('待确认');

    // 张伟 confirms it.
    await r.getByTestId('wishes-refresh').click();
    const confirm = r.getByTestId(`wish-confirm-${wishId}`);
    await until(() => confirm.isVisible(), Boolean, 'the confirm button for the poster', () => r.getByTestId('wishes-refresh').click());
    expect(await text(card)).toContain('完成情况:已更换 LED 灯泡并检查线路(45 分钟)');
    await clickUntilOk(r, confirm, `/wishes/${wishId}/confirm`, r.getByTestId(`wish-confirm-${wishId}-error`));
    await until(() => statusOf(r.getByTestId(`wish-status-${wishId}`)), (s) => s === 'confirmed', 'the wish confirmed');
    expect(await text(r.getByTestId(`wish-status-${wishId}`))).toBe('已实现');

    const resident = await signIn(urls.apiUrl, RESIDENT);
    const stored = (await resident.get(`/wishes/${wishId}`)).body;
    expect(stored).toMatchObject({ status: 'confirmed', postedBy: RESIDENT, claimedBy: ORGANIZER, minutes: 45 });
    await keepScreenshot(r, 'portal-wish-confirmed');

    // The confirmed wish's 45 minutes wait for an organizer serving the grid who is neither
    // the poster nor the claimant: 王青 verifies them under 待审核 as a micro-wish.
    const leagueApi = await signIn(urls.apiUrl, LEAGUE);
    const pending = await eventually(
      () => leagueApi.get('/hours/pending'),
      (res) => res.body.items.some((l: { activityId: string }) => l.activityId === `wish:${wishId}`),
    );
    const log = pending.body.items.find((l: { activityId: string }) => l.activityId === `wish:${wishId}`);
    expect(log).toMatchObject({ kind: 'wish', volunteerId: ORGANIZER, minutes: 45, status: 'checked_out' });
    await league.getByTestId('tab-pending').click();
    const row = league.getByTestId(`pending-${log.hourLogId}`);
    await until(() => row.isVisible(), Boolean, 'the wish hours awaiting verification', () => league.getByTestId('pending-refresh').click());
    expect(await text(row)).toContain('微心愿');
    await clickUntilOk(league, league.getByTestId(`verify-${log.hourLogId}`), `/hours/${log.hourLogId}/verify`, league.getByTestId(`pending-error-${log.hourLogId}`));
    // The claimant earns at the policy's wish rate (10/h): 45 minutes → 7 points.
    const claimant = await signIn(urls.apiUrl, ORGANIZER);
    const statement = await eventually(
      () => claimant.get('/me/points/transactions'),
      (res) => res.body.items.some((e: { transferId: string }) => e.transferId === `earn:${log.hourLogId}`),
    );
    expect(statement.body.items.find((e: { transferId: string }) => e.transferId === `earn:${log.hourLogId}`).amount).toBe(7);
  }, 240_000);
});
