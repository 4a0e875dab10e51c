/**
 * One property run: what the insiders have made so far (shifts and who attends them, hour
 * logs, wishes, redemptions), each command sent through the real HTTP apps, and what the run
 * may have minted at most. The bound counts only what the earning policy pays for hours that
 * an organizer entitled to decide them verified for someone else: an organizer of the log's
 * organization who is not its volunteer (for a wish, nor its poster or claimant), for the
 * minutes and bonus sent (or, unadjusted, the most the check-out could have counted). A 2xx
 * to something the insider may not do is recorded as a violation.
 */
import { newId } from '@lianxin/shared/ids';
import { type CallOptions, caller } from '@lianxin/shared/testing';
import { type EarningPolicy, earnAmount } from '../../services/ledger/src/domain/policy';
import type { Actor, Command, GridKey, Insider, Stranger } from './commands';
import { INSIDERS } from './commands';
import { GRID_OF, ORGANIZES, ORG_OF, PEOPLE, REWARDS, SHOP_OF, apps, principalOf } from './district';
import { forbiddenAct } from './forbidden';

interface Shift { shiftId: string; activityId: string; grid: GridKey; pointsPerHour: number; category: string; lengthMinutes: number; code?: string }
type WishStatus = 'pending' | 'open' | 'claimed' | 'fulfilled' | 'confirmed';
interface Wish {
  wishId: string; grid: GridKey; poster: Insider; status: WishStatus; approver?: Insider; claimant?: Insider; unit?: boolean;
  /** Once fulfilled: who did the work, and the minutes reported. */
  doerId?: string; minutes?: number; log?: HourLog;
}
interface HourLog {
  hourLogId: string;
  volunteerId: string;
  shift?: Shift;
  wish?: Wish;
  /** When the check-in was sent, and the most whole minutes the check-out can have counted. */
  checkInSentAt?: number;
  minutesAtMost?: number;
}
interface Attendance { shift: Shift; volunteer: Insider; claimed?: boolean; log?: HourLog }
/** `by`: an insider's name, or a stranger's user id. */
interface Redemption { redemptionId: string; by: string; merchantId: string }

/** Hours files a confirmed wish as a log whose shift is the wish. */
const wishShiftId = (wishId: string) => `wish:${wishId}`;
const mod = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
const userIdOf = (who: Insider | Stranger) => PEOPLE[who as Insider]?.userId ?? who;
const organizes = (who: Insider, grid: GridKey) => ORGANIZES[who] === grid;
const organizersOf = (grid: GridKey) => INSIDERS.filter((who) => organizes(who, grid));
/**
 * The n-th of the items furthest along: 'again' and wishes drive one story on rather than
 * spreading a few steps over many, so a short run reaches verified hours.
 */
const furthest = <T>(items: readonly T[], progress: (item: T) => number, n: number): T | undefined => {
  const most = Math.max(...items.map(progress));
  return mod(items.filter((item) => progress(item) === most), n);
};
const WISH_STEPS: readonly WishStatus[] = ['pending', 'open', 'claimed', 'fulfilled', 'confirmed'];
const progressOf = (a: Attendance) => (a.shift.code ? 1 : 0) + (a.log ? 1 : 0) + (a.log?.minutesAtMost === undefined ? 0 : 1);
/** Who may not decide a log: its volunteer and, for a wish, its poster and claimant. */
const interestedIn = (log: HourLog): (string | undefined)[] =>
  [log.volunteerId, ...(log.wish ? [log.wish.poster, log.wish.claimant].map((w) => w && PEOPLE[w].userId) : [])];
/** `entitled` → the n-th of those the step needs; a named insider as given. */
const resolve = (by: Actor, entitled: readonly Insider[], n: number): Insider | undefined => (by === 'entitled' ? mod(entitled, n) : by);

export const createWorld = (policy: EarningPolicy) => {
  const shifts: Shift[] = [];
  const attendance = new Map<string, Attendance>();
  const wishes: Wish[] = [];
  const redemptions: Redemption[] = [];
  /** Per verified log: the most the policy pays for it (each log earns once). */
  const earnBound = new Map<string, number>();
  /** Every user id an insider could have moved points to: the wallets that count as circulating. */
  const wallets = new Set<string>(Object.values(PEOPLE).map((p) => p.userId));
  /** Whom the run has paid (awards, verified hours), by name or user id: who can afford a reward. */
  const paid = new Set<string>();
  const violations: string[] = [];
  const tally = new Map<string, number>();

  /** Call an app as an insider (by name) or anyone (by user id); the answer's status goes to the tally. */
  const send = async (label: string, app: keyof typeof apps, who: string, method: string, path: string, options: CallOptions = {}) => {
    const res = await caller(apps[app], PEOPLE[who as Insider] ?? principalOf(who))(method, path, options);
    const line = `${label} ${res.status}`;
    tally.set(line, (tally.get(line) ?? 0) + 1);
    return { ...res, line };
  };
  const key = () => ({ idempotencyKey: newId('k') });
  const wrong = (what: string) => violations.push(what);

  /** Verify a log as `by`; on 200, its bound, unless `by` was not entitled to decide it (a violation). */
  const verify = async (label: string, log: HourLog, by: Insider, minutes: number | undefined, bonusPoints: number | undefined) => {
    const body = { ...(minutes === undefined ? {} : { minutes, note: '按实际服务时长核定' }), ...(bonusPoints === undefined ? {} : { bonusPoints }) };
    const res = await send(label, 'hours', by, 'POST', `/hours/${log.hourLogId}/verify`, { body });
    if (res.status !== 200) return res.line;
    const grid = log.shift?.grid ?? log.wish!.grid;
    if (!organizes(by, grid) || interestedIn(log).includes(PEOPLE[by].userId)) wrong(`${by} verified ${log.hourLogId} of ${log.volunteerId}`);
    else {
      const hours = log.wish
        ? { kind: 'wish' as const, minutes: minutes ?? log.wish.minutes ?? 0, bonusPoints }
        : { kind: 'shift' as const, minutes: minutes ?? log.minutesAtMost ?? 0, pointsPerHour: log.shift!.pointsPerHour, category: log.shift!.category, bonusPoints };
      earnBound.set(log.hourLogId, Math.max(earnBound.get(log.hourLogId) ?? 0, earnAmount(policy, hours)));
      paid.add(log.volunteerId);
    }
    return res.line;
  };

  const publish = async (c: Extract<Command, { kind: 'publish' }>) => {
    const by = resolve(c.by, organizersOf(c.grid), c.pointsPerHour)!;
    const startsAt = Date.now() + c.startInMinutes * 60_000;
    const res = await send('publish', 'activities', by, 'POST', '/activities', { body: {
      title: '湖滨环境清洁日', category: c.category, gridId: GRID_OF[c.grid], address: '湖滨路步道入口', location: { lat: 29.7071, lng: 115.9869 }, pointsPerHour: c.pointsPerHour,
      shifts: [{ startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + c.lengthMinutes * 60_000).toISOString(), capacity: 5 }],
    } });
    if (res.status !== 201) return res.line;
    if (!organizes(by, c.grid)) wrong(`${by} published in grid ${c.grid}`);
    shifts.push({ shiftId: res.body.shifts[0].shiftId, activityId: res.body.activityId, grid: c.grid, pointsPerHour: c.pointsPerHour, category: c.category, lengthMinutes: c.lengthMinutes });
    return res.line;
  };

  /** The volunteer's next step on the shift: claim, (the organizer's) code, check-in, check-out, (the organizer's) verification. */
  const attend = async (c: Extract<Command, { kind: 'attend' }>) => {
    const again = c.volunteer === 'again' ? furthest([...attendance.values()].filter((a) => a.claimed && !(a.log && earnBound.has(a.log.hourLogId))), progressOf, c.shift) : undefined;
    const shift = again?.shift ?? mod(shifts, c.shift);
    const volunteer = again?.volunteer ?? (c.volunteer === 'again' ? INSIDERS[c.shift] : c.volunteer);
    if (!shift || !volunteer) return 'attend: no shift';
    const a = attendance.get(`${shift.shiftId} ${volunteer}`) ?? { shift, volunteer };
    attendance.set(`${shift.shiftId} ${volunteer}`, a);
    // Whoever the step needs: an organizer of the shift's organization, another than the volunteer where there is one.
    const others = organizersOf(shift.grid).filter((o) => o !== volunteer);
    const organizer = resolve(c.by, others.length ? others : organizersOf(shift.grid), c.shift)!;
    const code = (c.codeOfAnotherShift ? shifts.find((s) => s !== shift && s.code)?.code : shift.code) ?? '000000';
    if (!a.claimed) {
      const res = await send('claim', 'activities', volunteer, 'POST', `/activities/${shift.activityId}/shifts/${shift.shiftId}/claims`, key());
      a.claimed = res.status === 201 || res.status === 202;
      return res.line;
    }
    if (!shift.code) {
      const res = await send('issueCode', 'hours', organizer, 'POST', `/shifts/${shift.shiftId}/checkin-codes`);
      if (res.status === 201) shift.code = res.body.code;
      return res.line;
    }
    if (!a.log) {
      const sentAt = Date.now();
      const res = await send('checkIn', 'hours', volunteer, 'POST', '/hours/check-in', { body: { code }, ...key() });
      if (res.status === 201) a.log = { hourLogId: res.body.hourLogId, volunteerId: res.body.volunteerId, shift, checkInSentAt: sentAt };
      return res.line;
    }
    if (a.log.minutesAtMost === undefined) {
      const res = await send('checkOut', 'hours', volunteer, 'POST', '/hours/check-out', { body: { code } });
      if (res.status === 200) a.log.minutesAtMost = Math.min(shift.lengthMinutes, Math.ceil((Date.now() - a.log.checkInSentAt!) / 60_000));
      return res.line;
    }
    return verify('verify', a.log, organizer, c.minutes, c.bonusPoints);
  };

  const postWish = async (c: Extract<Command, { kind: 'postWish' }>) => {
    const res = await send('postWish', 'activities', c.by, 'POST', '/wishes', {
      body: { title: '帮忙修水龙头', gridId: GRID_OF[c.grid], address: '湖滨路18号3栋', contactName: '张三', contactPhone: '13812345678' },
    });
    if (res.status === 201) wishes.push({ wishId: res.body.wishId, grid: c.grid, poster: c.by, status: 'pending' });
    return res.line;
  };

  /** The wish's next step: approve (an organizer serving its grid), claim, fulfil (the claimant), confirm (the poster), verify. */
  const advanceWish = async (c: Extract<Command, { kind: 'advanceWish' }>) => {
    const wish = furthest(wishes.filter((w) => !(w.log && earnBound.has(w.log.hourLogId))), (w) => WISH_STEPS.indexOf(w.status), c.wish) ?? mod(wishes, c.wish);
    if (!wish) return 'advanceWish: no wish';
    const path = (step: string) => `/wishes/${wish.wishId}/${step}`;
    switch (wish.status) {
      case 'pending': {
        const by = resolve(c.by, organizersOf(wish.grid), c.minutes)!;
        const res = await send('approveWish', 'activities', by, 'POST', path('approve'), { body: {} });
        if (res.status !== 200) return res.line;
        if (!organizes(by, wish.grid)) wrong(`${by} approved a wish in grid ${wish.grid}`);
        Object.assign(wish, { status: 'open', approver: by });
        return res.line;
      }
      case 'open': {
        const candidates = INSIDERS.filter((w) => w !== wish.poster && w !== wish.approver && (!c.onBehalfOfUnit || ORGANIZES[w]));
        const by = resolve(c.by, candidates, c.minutes)!;
        const res = await send('claimWish', 'activities', by, 'POST', path('claim'), { body: c.onBehalfOfUnit ? { onBehalfOf: '九江银行' } : {}, ...key() });
        if (res.status !== 200) return res.line;
        if (by === wish.poster || by === wish.approver) wrong(`${by} claimed wish ${wish.wishId}, which they posted or approved`);
        Object.assign(wish, { status: 'claimed', claimant: by, unit: c.onBehalfOfUnit });
        return res.line;
      }
      case 'claimed': {
        const by = resolve(c.by, [wish.claimant!], 0)!;
        // Whoever the step needs names a doer only on a unit's claim; anyone else names whoever the command says.
        const doneBy = c.by === 'entitled' ? (wish.unit ? (c.doneBy ?? 'v1') : undefined) : c.doneBy;
        if (doneBy) wallets.add(userIdOf(doneBy));
        const res = await send('fulfilWish', 'activities', by, 'POST', path('fulfil'), { body: { note: '换了阀芯', minutes: c.minutes, ...(doneBy ? { doneBy: userIdOf(doneBy) } : {}) } });
        if (res.status === 200) Object.assign(wish, { status: 'fulfilled', minutes: c.minutes, doerId: wish.unit && doneBy ? userIdOf(doneBy) : PEOPLE[by].userId });
        return res.line;
      }
      case 'fulfilled': {
        const by = resolve(c.by, [wish.poster], 0)!;
        const res = await send('confirmWish', 'activities', by, 'POST', path('confirm'), { body: {} });
        if (res.status !== 200) return res.line;
        if (by !== wish.poster) wrong(`${by} confirmed wish ${wish.wishId} posted by ${wish.poster}`);
        wish.status = 'confirmed';
        return res.line;
      }
      default: {
        if (!wish.log) return 'verifyWish: no log filed';
        const interested = interestedIn(wish.log);
        const others = organizersOf(wish.grid).filter((o) => !interested.includes(PEOPLE[o].userId));
        return verify('verifyWish', wish.log, resolve(c.by, others.length ? others : organizersOf(wish.grid), c.minutes)!, undefined, c.bonusPoints);
      }
    }
  };

  const award = async (c: Extract<Command, { kind: 'award' }>) => {
    const to = userIdOf(c.to === 'self' ? c.by : c.to);
    wallets.add(to);
    const grid = c.from === 'own' ? (ORGANIZES[c.by] ?? 'a') : c.from;
    const from = grid === 'issuance' ? {} : { orgId: ORG_OF[grid] };
    const res = await send('award', 'ledger', c.by, 'POST', '/ledger/adjustments', { body: { kind: 'AWARD', userId: to, amount: c.amount, reason: '表彰', ...from }, ...key() });
    if (res.status !== 201) return res.line;
    if (to === PEOPLE[c.by].userId) wrong(`${c.by} awarded themself ${c.amount}`);
    if (grid === 'issuance' || !organizes(c.by, grid)) wrong(`${c.by} awarded ${c.amount} from ${grid}`);
    if (c.amount > policy.maxAdjustment) wrong(`${c.by} awarded ${c.amount}, above maxAdjustment`);
    paid.add(to);
    return res.line;
  };

  const redeem = async (c: Extract<Command, { kind: 'redeem' }>) => {
    const reward = REWARDS[c.reward % REWARDS.length]!;
    const by = (c.by === 'entitled' ? mod([...paid], c.reward) : c.by) ?? 'v1';
    const res = await send('redeem', 'redemption', by, 'POST', `/rewards/${reward.rewardId}/redemptions`, { body: {}, ...key() });
    if (res.status === 202) redemptions.push({ redemptionId: res.body.redemptionId, by, merchantId: reward.merchantId });
    return res.line;
  };

  /** A merchant at the counter with the code its volunteer is shown (while the points are held). */
  const confirmCode = async (c: Extract<Command, { kind: 'confirmCode' }>) => {
    const r = mod(redemptions, c.redemption);
    if (!r) return 'confirmCode: no redemption';
    const { body } = await caller(apps.redemption, PEOPLE[r.by as Insider] ?? principalOf(r.by))('GET', `/redemptions/${r.redemptionId}`);
    if (!body?.code) return `confirmCode: not held (${body?.status})`;
    const by = resolve(c.by, INSIDERS.filter((w) => SHOP_OF[w] === r.merchantId), 0)!;
    const res = await send('confirmCode', 'redemption', by, 'POST', '/redemptions/confirm', { body: { code: body.code } });
    if (res.status < 300 && SHOP_OF[by] !== r.merchantId) wrong(`${by} confirmed a code of ${r.merchantId}`);
    return res.line;
  };

  const forbidden = async (c: Extract<Command, { kind: 'forbidden' }>) => {
    const logs = [...attendance.values()].flatMap((a) => (a.log ? [a.log] : []));
    const { method, path, options } = forbiddenAct(c, policy, `earn:${mod(logs, c.amount)?.hourLogId ?? 'none'}`);
    const res = await send(`forbidden ${c.act}`, 'ledger', c.by, method, path, options);
    if (res.status < 300) wrong(`${c.by} could ${c.act} (${res.status})`);
    return res.line;
  };

  /** Run one command; the answer (`claim 201`, or why nothing was sent) describes it in a failure. */
  const run = (c: Command): Promise<string> => {
    switch (c.kind) {
      case 'publish': return publish(c);
      case 'attend': return attend(c);
      case 'postWish': return postWish(c);
      case 'advanceWish': return advanceWish(c);
      case 'award': return award(c);
      case 'redeem': return redeem(c);
      case 'confirmCode': return confirmCode(c);
      case 'forbidden': return forbidden(c);
    }
  };

  /**
   * Once delivered, a confirmed wish is a log awaiting its community's organizers: find it
   * where they do (GET /hours/pending), or among its doer's own hours, whoever it was filed for.
   */
  const discoverWishLogs = async () => {
    for (const wish of wishes.filter((w) => w.status === 'confirmed' && !w.log)) {
      const lookups = [...organizersOf(wish.grid).map((o) => [o, '/hours/pending']), [wish.doerId!, '/me/hours']];
      for (const [who, path] of lookups as [string, string][]) {
        const { body } = await caller(apps.hours, PEOPLE[who as Insider] ?? principalOf(who))('GET', path);
        const item = (body?.items ?? []).find((i: { shiftId: string }) => i.shiftId === wishShiftId(wish.wishId));
        if (!item) continue;
        wallets.add(item.volunteerId);
        wish.log = { hourLogId: item.hourLogId, volunteerId: item.volunteerId, wish };
        break;
      }
    }
  };

  return { run, discoverWishLogs, earnBound, wallets, violations, tally };
};

export type World = ReturnType<typeof createWorld>;
