import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { type Activity, type Claim, type HourLog, type Redemption, type Reward, type Shift, api } from '../api';
import type { ViewProps } from '../App';
import { EmergencyCalls } from './emergency';
import { countdown, formatDateTime, formatDuration, formatPoints, formatRange } from '../format';
import { isMessageKey, useI18n } from '../i18n';
import {
  Badge,
  BigCode,
  ConfirmStep,
  Empty,
  ErrorNotice,
  Figure,
  Loading,
  Notice,
  RefreshButton,
  Section,
  StatusBadge,
  useAction,
  useInterval,
  useNow,
  useResource,
} from '../ui';

/** Every page of a cursor-paged list (the demo has a handful; stop at a sane bound). */
export const allActivities = async (signal: AbortSignal, orgId?: string): Promise<Activity[]> => {
  const items: Activity[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await api.activities({ ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) }, signal);
    items.push(...res.items);
    cursor = res.cursor;
    if (!cursor) break;
  }
  return items;
};

const byStart = (a: { startsAt: string }, b: { startsAt: string }) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** Activities with a shift still to come (or running) first, soonest first. */
export const sortActivities = (items: Activity[], now: number): Activity[] => {
  const next = (a: Activity) => {
    const open = a.shifts.filter((s) => Date.parse(s.endsAt) > now).sort(byStart)[0];
    return open ? Date.parse(open.startsAt) : Number.MAX_SAFE_INTEGER;
  };
  return [...items].sort((a, b) => next(a) - next(b));
};

export const AudienceBadge = ({ audience }: { audience: Activity['audience'] }) => {
  const { t } = useI18n();
  const key = `audience.${audience}`;
  return <Badge tone={audience === 'everyone' ? 'neutral' : 'warn'}>{isMessageKey(key) ? t(key) : audience}</Badge>;
};

const shiftPhase = (shift: Shift, now: number): 'ended' | 'ongoing' | 'upcoming' =>
  Date.parse(shift.endsAt) <= now ? 'ended' : Date.parse(shift.startsAt) <= now ? 'ongoing' : 'upcoming';

// ---- Activities -----------------------------------------------------------------------

type ClaimState = 'confirmed' | 'waitlisted';

const ShiftRow = ({ activity, shift, claimed, onClaimed }: { activity: Activity; shift: Shift; claimed?: ClaimState; onClaimed: (state: ClaimState) => void }) => {
  const { t, locale } = useI18n();
  const now = useNow(30_000);
  const action = useAction();
  const phase = shiftPhase(shift, now);
  const full = shift.remaining <= 0;

  const claim = () =>
    void action.run(async () => {
      // A full shift puts the claim on its waitlist (202 { status: 'waitlisted', position }).
      const answer = await api.claim(activity.activityId, shift.shiftId);
      onClaimed(answer.status === 'waitlisted' ? 'waitlisted' : 'confirmed');
    });

  return (
    <li className="shift" data-testid={`shift-${shift.shiftId}`} data-phase={phase}>
      <div className="shift-main">
        <div className="shift-time">
          {formatRange(shift.startsAt, shift.endsAt, locale)}
          {phase === 'ongoing' ? <Badge tone="accent">{t('activities.ongoing')}</Badge> : null}
        </div>
        <div className={`shift-places${full ? ' danger-text' : ''}`} data-testid={`remaining-${shift.shiftId}`} data-remaining={shift.remaining}>
          {t('activities.remaining', { remaining: shift.remaining, capacity: shift.capacity })}
        </div>
      </div>
      <div className="shift-action">
        {claimed ? (
          <Badge tone="success" testid={`claimed-${shift.shiftId}`}>
            ✓ {t(claimed === 'waitlisted' ? 'activities.waitlisted' : 'activities.claimed')}
          </Badge>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={claim}
            disabled={action.busy || phase === 'ended'}
            data-testid={`claim-${shift.shiftId}`}
          >
            {action.busy ? t('common.working') : phase === 'ended' ? t('activities.ended') : full ? t('activities.joinWaitlist') : t('activities.claim')}
          </button>
        )}
      </div>
      {action.error ? (
        <div className="shift-error">
          <ErrorNotice error={action.error} testid={`claim-error-${shift.shiftId}`} />
        </div>
      ) : null}
    </li>
  );
};

export const ActivityCard = ({ activity, children }: { activity: Activity; children: ReactNode }) => {
  const { t } = useI18n();
  return (
    <article className="card activity" data-testid={`activity-${activity.activityId}`}>
      <div className="activity-head">
        <h3 className="activity-title">{activity.title}</h3>
        <div className="activity-points">{t('activities.pointsPerHour', { n: activity.pointsPerHour })}</div>
      </div>
      <div className="chips">
        <Badge tone="info">{activity.category}</Badge>
        <AudienceBadge audience={activity.audience} />
      </div>
      {activity.description ? <p className="activity-desc">{activity.description}</p> : null}
      <p className="activity-address">
        <svg className="pin" viewBox="0 0 16 16" width="14" height="14" aria-hidden>
          <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5c0 3.4 4.5 8.5 4.5 8.5s4.5-5.1 4.5-8.5A4.5 4.5 0 0 0 8 1.5zm0 6.2a1.7 1.7 0 1 1 0-3.4 1.7 1.7 0 0 1 0 3.4z" fill="currentColor" />
        </svg>{' '}
        {activity.address}
      </p>
      {activity.skills.length ? <p className="muted small">{t('activities.skills', { skills: activity.skills.join('、') })}</p> : null}
      {children}
    </article>
  );
};

export const Activities = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const list = useResource((signal) => allActivities(signal), []);
  const claims = useResource((signal) => api.myClaims(signal), []);
  const [justClaimed, setJustClaimed] = useState<Map<string, ClaimState>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const now = useNow(60_000);

  const claimedShifts = useMemo(() => {
    const states = new Map(justClaimed);
    for (const c of claims.data?.items ?? []) {
      if (c.status === 'confirmed' || c.status === 'waitlisted') states.set(c.shiftId, c.status);
    }
    return states;
  }, [claims.data, justClaimed]);

  const items = useMemo(() => sortActivities(list.data ?? [], now), [list.data, now]);
  const categories = useMemo(() => [...new Set(items.map((a) => a.category))], [items]);
  const shown = category ? items.filter((a) => a.category === category) : items;

  const onClaimed = (activity: Activity, shift: Shift, state: ClaimState) => {
    setJustClaimed((s) => new Map(s).set(shift.shiftId, state));
    setMessage(t(state === 'waitlisted' ? 'activities.waitlistSuccess' : 'activities.claimSuccess', { title: activity.title }));
    list.reload();
    claims.reload();
  };

  return (
    <>
      {/* Emergency calls come before any activity: they are the one thing not to miss. */}
      <EmergencyCalls user={user} />
      <Section
        title={t('activities.title')}
        subtitle={t('activities.subtitle')}
        actions={<RefreshButton onClick={() => (list.reload(), claims.reload())} loading={list.loading} testid="activities-refresh" />}
      >
        {message ? (
          <Notice tone="success" testid="claim-success">
            {message}
          </Notice>
        ) : null}
        <ErrorNotice error={list.error ?? claims.error} />
        {categories.length > 1 ? (
          <div className="filter" role="group" aria-label={t('activities.filterLabel')}>
            <button type="button" className={`chip${category === null ? ' chip-active' : ''}`} onClick={() => setCategory(null)}>
              {t('activities.filterAll')}
            </button>
            {categories.map((c) => (
              <button key={c} type="button" className={`chip${category === c ? ' chip-active' : ''}`} onClick={() => setCategory(c)}>
                {c}
              </button>
            ))}
          </div>
        ) : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data && !shown.length ? <Empty>{t('activities.empty')}</Empty> : null}
        <div className="cards">
          {shown.map((activity) => (
            <ActivityCard key={activity.activityId} activity={activity}>
              <ul className="shifts">
                {[...activity.shifts].sort(byStart).map((shift) => (
                  <ShiftRow
                    key={shift.shiftId}
                    activity={activity}
                    shift={shift}
                    claimed={claimedShifts.get(shift.shiftId)}
                    onClaimed={(state) => onClaimed(activity, shift, state)}
                  />
                ))}
              </ul>
            </ActivityCard>
          ))}
        </div>
      </Section>
    </>
  );
};

// ---- My claims ------------------------------------------------------------------------

export const MyClaims = ({ go }: ViewProps) => {
  const { t, locale } = useI18n();
  const claims = useResource((signal) => api.myClaims(signal), []);
  const now = useNow(60_000);
  const items = [...(claims.data?.items ?? [])].sort(byStart);
  // Errors live here, not in the button: the row's error sits below the whole row.
  const [cancelErrors, setCancelErrors] = useState<Map<string, unknown>>(new Map());
  const onCancelled = (claim: Claim, error: unknown) => {
    setCancelErrors((m) => new Map(m).set(claim.claimId, error));
    if (!error) claims.setData({ items: (claims.data?.items ?? []).map((x) => (x.claimId === claim.claimId ? { ...x, status: 'cancelled' } : x)) });
  };

  return (
    <Section title={t('claims.title')} actions={<RefreshButton onClick={claims.reload} loading={claims.loading} testid="claims-refresh" />}>
      <ErrorNotice error={claims.error} />
      {claims.loading && !claims.data ? <Loading /> : null}
      {claims.data && !items.length ? <Empty>{t('claims.empty')}</Empty> : null}
      <ul className="rows">
        {items.map((c) => {
          const live = Date.parse(c.startsAt) - 60 * 60_000 <= now && now < Date.parse(c.endsAt);
          return (
            <li key={c.claimId} className="row" data-testid={`claim-row-${c.shiftId}`}>
              <div className="row-main">
                <div className="row-title">{c.activityTitle}</div>
                <div className="muted small">{formatRange(c.startsAt, c.endsAt, locale)}</div>
              </div>
              <div className="row-side">
                <StatusBadge kind="claim" status={c.status} testid={`claim-status-${c.shiftId}`} />
                {live && c.status === 'confirmed' ? (
                  <button type="button" className="btn btn-small" onClick={() => go('checkin')}>
                    {t('claims.goCheckin')}
                  </button>
                ) : null}
                {c.status !== 'cancelled' && Date.parse(c.endsAt) > now ? <CancelClaim claim={c} onCancelled={onCancelled} /> : null}
              </div>
              <ErrorNotice error={cancelErrors.get(c.claimId)} testid={`cancel-error-${c.shiftId}`} />
            </li>
          );
        })}
      </ul>
    </Section>
  );
};

/** Cancel a claim after a second click; past the deadline the server says CANCELLATION_CLOSED. */
const CancelClaim = ({ claim, onCancelled }: { claim: Claim; onCancelled: (claim: Claim, error: unknown) => void }) => {
  const { t } = useI18n();
  const action = useAction();
  const cancel = () =>
    void action.run(async () => {
      try {
        await api.cancelClaim(claim.claimId);
        onCancelled(claim, null);
      } catch (error) {
        onCancelled(claim, error);
      }
    });
  return (
    <ConfirmStep
      label={action.busy ? t('common.working') : t('claims.cancel')}
      question={t('claims.cancelQuestion')}
      yes={t('claims.cancelYes')}
      onConfirm={cancel}
      busy={action.busy}
      testid={`cancel-claim-${claim.shiftId}`}
    />
  );
};

// ---- Check in / out -------------------------------------------------------------------

const HourLogSummary = ({ log, testid }: { log: HourLog; testid?: string }) => {
  const { t, locale } = useI18n();
  return (
    <div className="hour-summary" data-testid={testid} data-hour-log-id={log.hourLogId}>
      <div className="row-title">{log.activityTitle}</div>
      <div className="hour-meta">
        <StatusBadge kind="hour" status={log.status} testid={testid ? `${testid}-status` : undefined} />
        <span className="muted small">
          {t('hours.checkIn')} {formatDateTime(log.checkInAt, locale)}
          {log.checkOutAt ? ` · ${t('hours.checkOut')} ${formatDateTime(log.checkOutAt, locale)}` : ''}
        </span>
        {log.minutes !== undefined ? <span className="small">{formatDuration(log.minutes, t)}</span> : null}
      </div>
    </div>
  );
};

export const CodeInput = ({ value, onChange, digits, label, testid, onEnter }: { value: string; onChange: (v: string) => void; digits: number; label: string; testid: string; onEnter?: () => void }) => (
  <label className="code-field">
    <span className="field-label">{label}</span>
    <input
      className="code-input"
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, digits))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onEnter) onEnter();
      }}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern={`\\d{${digits}}`}
      maxLength={digits}
      placeholder={'0'.repeat(digits)}
      aria-label={label}
      data-testid={testid}
    />
  </label>
);

export const CheckInOut = () => {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ kind: 'in' | 'out'; log: HourLog } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const hours = useResource((signal) => api.myHours(signal), []);
  const action = useAction();
  const open = (hours.data?.items ?? []).filter((h) => h.status === 'checked_in');

  const submit = (kind: 'in' | 'out') => {
    if (!/^\d{6}$/.test(code)) {
      setLocalError(t('checkin.invalidCode'));
      return;
    }
    setLocalError(null);
    setResult(null);
    void action.run(async () => {
      const log = kind === 'in' ? await api.checkIn(code) : await api.checkOut(code);
      setResult({ kind, log });
      hours.reload();
    });
  };

  return (
    <Section title={t('checkin.title')} subtitle={t('checkin.hint')}>
      <div className="card form-card">
        <CodeInput value={code} onChange={setCode} digits={6} label={t('checkin.code')} testid="checkin-code-input" onEnter={() => submit(open.length ? 'out' : 'in')} />
        <div className="button-row">
          <button type="button" className="btn btn-primary btn-large" onClick={() => submit('in')} disabled={action.busy} data-testid="checkin-submit">
            {t('checkin.checkIn')}
          </button>
          <button type="button" className="btn btn-secondary btn-large" onClick={() => submit('out')} disabled={action.busy} data-testid="checkout-submit">
            {t('checkin.checkOut')}
          </button>
        </div>
        {localError ? (
          <div className="notice notice-error" role="alert" data-testid="checkin-local-error">
            {localError}
          </div>
        ) : null}
        <ErrorNotice error={action.error} testid="checkin-error" />
        {result ? (
          <Notice tone="success" testid="checkin-result">
            <strong>{result.kind === 'in' ? t('checkin.checkedIn') : t('checkin.checkedOut')}</strong>
            <HourLogSummary log={result.log} testid="checkin-log" />
          </Notice>
        ) : null}
      </div>
      {open.length ? (
        <div className="subsection">
          <h3>{t('checkin.open')}</h3>
          <ul className="rows">
            {open.map((log) => (
              <li key={log.hourLogId} className="row" data-testid={`open-hour-${log.hourLogId}`}>
                <div className="row-main">
                  <div className="row-title">{log.activityTitle}</div>
                  <div className="muted small">{t('checkin.since', { time: formatDateTime(log.checkInAt, locale) })}</div>
                </div>
                <StatusBadge kind="hour" status={log.status} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
};

// ---- My hours -------------------------------------------------------------------------

export const MyHours = () => {
  const { t, locale } = useI18n();
  const hours = useResource((signal) => api.myHours(signal), []);
  const items = [...(hours.data?.items ?? [])].sort((a, b) => Date.parse(b.checkInAt) - Date.parse(a.checkInAt));
  const verified = items.filter((h) => h.status === 'verified');
  const minutes = verified.reduce((sum, h) => sum + (h.minutes ?? 0), 0);
  const points = verified.reduce((sum, h) => sum + (h.points ?? 0), 0);
  useInterval(hours.reload, 5000, items.some((h) => h.status === 'checked_out'));

  return (
    <Section title={t('hours.title')} actions={<RefreshButton onClick={hours.reload} loading={hours.loading} testid="hours-refresh" />}>
      <ErrorNotice error={hours.error} />
      <div className="figures">
        <Figure label={t('hours.total')} value={formatDuration(minutes, t)} testid="hours-total" />
        <Figure label={t('hours.totalPoints')} value={formatPoints(points, locale)} testid="hours-points" />
      </div>
      {hours.loading && !hours.data ? <Loading /> : null}
      {hours.data && !items.length ? <Empty>{t('hours.empty')}</Empty> : null}
      <ul className="rows">
        {items.map((h) => (
          <li key={h.hourLogId} className="row" data-testid={`hour-${h.hourLogId}`}>
            <div className="row-main">
              <div className="row-title">{h.activityTitle}</div>
              <div className="muted small">
                {t('hours.checkIn')} {formatDateTime(h.checkInAt, locale)}
                {h.checkOutAt ? ` · ${t('hours.checkOut')} ${formatDateTime(h.checkOutAt, locale)}` : ''}
              </div>
              {h.note ? <div className="small">{t('hours.note', { text: h.note })}</div> : null}
              {h.reason ? <div className="small danger-text">{t('hours.reason', { text: h.reason })}</div> : null}
            </div>
            <div className="row-side">
              <StatusBadge kind="hour" status={h.status} testid={`hour-status-${h.hourLogId}`} />
              <span className="small" data-testid={`hour-minutes-${h.hourLogId}`}>
                {formatDuration(h.minutes, t)}
              </span>
              {h.points !== undefined ? (
                <span className="points-pill" data-testid={`hour-points-${h.hourLogId}`}>
                  +{h.points}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
};

// ---- My points ------------------------------------------------------------------------

export const kindLabel = (kind: string, t: ReturnType<typeof useI18n>['t']): string => {
  const key = `kind.${kind.toLowerCase()}`;
  return isMessageKey(key) ? t(key) : kind;
};

/** Ledger memos name what moved the points (`hours:<id>`, `reward:<id>`, `redemption:<id>`). */
const memoText = (memo: string | undefined, t: ReturnType<typeof useI18n>['t'], rewardTitle: (id: string) => string | undefined, locale: string): string => {
  if (!memo) return '';
  const [kind, id = ''] = memo.split(/:(.*)/s);
  if (kind === 'hours') return t('memo.hours');
  if (kind === 'reward') return rewardTitle(id) ?? t('memo.reward');
  if (kind === 'redemption') return t('memo.redemption');
  if (memo.startsWith('lot ')) return t('memo.lot', { date: formatDateTime(memo.slice(4), locale) });
  return memo;
};

export const MyPoints = () => {
  const { t, lang, locale } = useI18n();
  const points = useResource((signal) => api.myPoints(signal), []);
  const rewards = useResource((signal) => api.rewards(signal), []);
  const rewardTitle = (id: string) => {
    const r = rewards.data?.items.find((x) => x.rewardId === id);
    return r ? (lang === 'zh' ? r.title : r.titleEn || r.title) : undefined;
  };
  const txns = useResource((signal) => api.myTransactions(signal), []);
  const refresh = () => {
    points.reload();
    txns.reload();
  };
  useInterval(refresh, 3000);
  const balance = points.data;

  return (
    <Section
      title={t('points.title')}
      subtitle={t('points.autoRefresh')}
      actions={<RefreshButton onClick={refresh} loading={points.loading || txns.loading} testid="points-refresh" />}
    >
      <ErrorNotice error={points.error ?? txns.error} />
      <div className="figures">
        <Figure label={t('points.available')} value={formatPoints(balance?.available, locale)} testid="points-available" emphasis />
        <Figure label={t('points.held')} value={formatPoints(balance?.held, locale)} testid="points-held" />
        <Figure label={t('points.lifetime')} value={formatPoints(balance?.lifetimeEarned, locale)} testid="points-lifetime" />
        <Figure label={t('points.expiringSoon')} value={formatPoints(balance?.expiringSoon, locale)} testid="points-expiring" />
      </div>
      {balance?.expiringSoon && balance.nextExpiry ? (
        <Notice tone="warn" testid="points-expiry-notice">
          {t('points.expiryNotice', { n: balance.expiringSoon, date: formatDateTime(balance.nextExpiry, locale) })}
        </Notice>
      ) : null}
      <div className="subsection">
        <h3>{t('points.transactions')}</h3>
        {txns.loading && !txns.data ? <Loading /> : null}
        {txns.data && !txns.data.items.length ? <Empty>{t('points.noTransactions')}</Empty> : null}
        <ul className="rows">
          {(txns.data?.items ?? []).map((x) => (
            <li key={`${x.seq}-${x.transferId}`} className="row" data-testid={`txn-${x.seq}`}>
              <div className="row-main">
                <div className="row-title">{kindLabel(x.kind, t)}</div>
                <div className="muted small">
                  {formatDateTime(x.at, locale)}
                  {x.memo ? ` · ${memoText(x.memo, t, rewardTitle, locale)}` : ''}
                </div>
              </div>
              <div className="row-side">
                <span className={`amount ${x.amount > 0 ? 'amount-plus' : x.amount < 0 ? 'amount-minus' : 'amount-zero'}`}>
                  {x.amount > 0 ? '+' : ''}
                  {x.amount}
                </span>
                <span className="muted small">{t('points.balanceAfter', { n: x.balanceAfter })}</span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
};

// ---- Rewards and redemption -----------------------------------------------------------

const TERMINAL = new Set<Redemption['status']>(['completed', 'failed', 'expired']);

export const failureText = (reason: string | undefined, t: ReturnType<typeof useI18n>['t']): string => {
  if (!reason) return t('common.dash');
  const key = `reason.${reason}`;
  return isMessageKey(key) ? t(key) : reason;
};

/**
 * Follows one redemption: every second until the points are held (or it fails), then more
 * calmly while the code waits at the counter, until completed, failed or expired.
 */
const RedemptionTracker = ({ initial, title, onSettled, onClose }: { initial: Redemption; title: string; onSettled: () => void; onClose: () => void }) => {
  const { t, locale } = useI18n();
  const [redemption, setRedemption] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [startedAt] = useState(() => Date.now());
  const now = useNow(1000);
  const status = redemption.status;
  const done = TERMINAL.has(status);
  const lastStatus = useRef(status);
  const inFlight = useRef(false);

  const poll = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    api
      .redemption(redemption.redemptionId)
      .then(
        (r) => {
          setError(null);
          setRedemption(r);
          if (r.status !== lastStatus.current) {
            lastStatus.current = r.status;
            onSettled();
          }
        },
        (e: unknown) => setError(e),
      )
      .finally(() => {
        inFlight.current = false;
      });
  };
  useInterval(poll, status === 'pending' ? 1000 : 2000, !done);
  useEffect(() => {
    if (status === 'pending') poll();
    // first look straight away
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const left = countdown(redemption.expiresAt, now);
  const slow = status === 'pending' && now - startedAt > 15_000;

  return (
    <div className={`card tracker tracker-${status}`} data-testid="redemption-panel" data-redemption-id={redemption.redemptionId}>
      <div className="tracker-head">
        <h3>{t('redemption.title', { title })}</h3>
        <StatusBadge kind="redemption" status={status} testid="redemption-status" />
      </div>
      {status === 'pending' ? (
        <p className="muted">
          <span className="spin" aria-hidden>
            ↻
          </span>{' '}
          {slow ? t('redemption.slow') : t('redemption.pending')}
        </p>
      ) : null}
      {status === 'held' && redemption.code ? (
        <div className="tracker-code">
          <p>{t('redemption.showCode')}</p>
          <BigCode code={redemption.code} testid="redemption-code" expired={!left} />
          <p className="muted" data-testid="redemption-expiry" data-expires-at={redemption.expiresAt}>
            {t('redemption.expiresAt', { time: formatDateTime(redemption.expiresAt, locale) })} ·{' '}
            {left ? t('common.expiresIn', { time: left }) : t('common.expired')}
          </p>
          <p className="small">{t('common.points', { n: redemption.points })}</p>
        </div>
      ) : null}
      {status === 'failed' ? (
        <div className="notice notice-error" data-testid="redemption-failure" data-reason={redemption.failureReason}>
          {t('redemption.failed', { reason: failureText(redemption.failureReason, t) })}
        </div>
      ) : null}
      {status === 'confirmed' ? <Notice tone="info">{t('redemption.confirmed')}</Notice> : null}
      {status === 'completed' ? (
        <Notice tone="success" testid="redemption-completed">
          {t('redemption.completed')}
        </Notice>
      ) : null}
      {status === 'expired' ? <Notice tone="warn">{t('redemption.expired')}</Notice> : null}
      <ErrorNotice error={error} testid="redemption-poll-error" />
      {done || status === 'held' ? (
        <div className="button-row">
          <button type="button" className="btn btn-quiet" onClick={onClose} data-testid="redemption-close">
            {t('common.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
};

const RewardCard = ({ reward, available, onRedeemed }: { reward: Reward; available: number | undefined; onRedeemed: (r: Redemption) => void }) => {
  const { t, lang } = useI18n();
  const action = useAction();
  const short = available !== undefined ? reward.points - available : 0;
  const soldOut = reward.stock <= 0;

  const redeem = () =>
    void action.run(async () => {
      onRedeemed(await api.redeem(reward.rewardId));
    });

  return (
    <article className="card reward" data-testid={`reward-${reward.rewardId}`}>
      <div className="reward-merchant muted small">{reward.merchantName}</div>
      <h3 className="reward-title">{lang === 'zh' ? reward.title : reward.titleEn || reward.title}</h3>
      <div className="reward-price">{t('common.points', { n: reward.points })}</div>
      <div className="muted small">{soldOut ? t('rewards.outOfStock') : t('rewards.stock', { n: reward.stock })}</div>
      <div className="reward-action">
        <button
          type="button"
          className="btn btn-primary"
          onClick={redeem}
          disabled={action.busy || soldOut || short > 0}
          data-testid={`redeem-${reward.rewardId}`}
        >
          {action.busy ? t('common.working') : t('rewards.redeem')}
        </button>
        {!soldOut && short > 0 ? <span className="muted small">{t('rewards.notEnough', { n: short })}</span> : null}
      </div>
      <ErrorNotice error={action.error} testid={`redeem-error-${reward.rewardId}`} />
    </article>
  );
};

export const Rewards = () => {
  const { t, lang, locale } = useI18n();
  const rewards = useResource((signal) => api.rewards(signal), []);
  const points = useResource((signal) => api.myPoints(signal), []);
  const [active, setActive] = useState<{ redemption: Redemption; title: string } | null>(null);

  const onRedeemed = (reward: Reward, redemption: Redemption) => {
    setActive({ redemption, title: lang === 'zh' ? reward.title : reward.titleEn || reward.title });
    points.reload();
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const items = rewards.data?.items ?? [];
  return (
    <Section
      title={t('rewards.title')}
      subtitle={t('rewards.subtitle')}
      actions={<RefreshButton onClick={() => (rewards.reload(), points.reload())} loading={rewards.loading} testid="rewards-refresh" />}
    >
      {active ? (
        <RedemptionTracker
          key={active.redemption.redemptionId}
          initial={active.redemption}
          title={active.title}
          onSettled={() => (points.reload(), rewards.reload())}
          onClose={() => setActive(null)}
        />
      ) : null}
      <div className="balance-strip">
        <span>{t('rewards.yourPoints')}</span>
        <strong data-testid="rewards-available">{formatPoints(points.data?.available, locale)}</strong>
      </div>
      <ErrorNotice error={rewards.error ?? points.error} />
      {rewards.loading && !rewards.data ? <Loading /> : null}
      {rewards.data && !items.length ? <Empty>{t('rewards.empty')}</Empty> : null}
      <div className="cards cards-rewards">
        {items.map((reward) => (
          <RewardCard key={reward.rewardId} reward={reward} available={points.data?.available} onRedeemed={(r) => onRedeemed(reward, r)} />
        ))}
      </div>
    </Section>
  );
};

export const MyRedemptions = () => {
  const { t, lang, locale } = useI18n();
  const list = useResource((signal) => api.myRedemptions(signal), []);
  const rewards = useResource((signal) => api.rewards(signal), []);
  const now = useNow(1000);
  const items = [...(list.data?.items ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  useInterval(list.reload, 2000, items.some((r) => !TERMINAL.has(r.status)));
  const titleOf = (r: Redemption) => {
    const reward = rewards.data?.items.find((x) => x.rewardId === r.rewardId);
    return lang === 'en' && reward?.titleEn ? reward.titleEn : r.rewardTitle;
  };

  return (
    <Section title={t('redemptions.title')} actions={<RefreshButton onClick={list.reload} loading={list.loading} testid="redemptions-refresh" />}>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty>{t('redemptions.empty')}</Empty> : null}
      <ul className="rows">
        {items.map((r) => {
          const left = countdown(r.expiresAt, now);
          return (
            <li key={r.redemptionId} className="row" data-testid={`redemption-${r.redemptionId}`} data-reward-id={r.rewardId}>
              <div className="row-main">
                <div className="row-title">{titleOf(r)}</div>
                <div className="muted small">
                  {r.merchantName} · {formatDateTime(r.createdAt, locale)}
                </div>
                {r.status === 'held' && r.code ? (
                  <div className="inline-code">
                    <span className="muted small">{t('redemptions.code')}</span>
                    <span className="code-text" data-testid={`redemption-code-${r.redemptionId}`}>
                      {r.code}
                    </span>
                    <span className="muted small">{left ? t('common.expiresIn', { time: left }) : t('common.expired')}</span>
                  </div>
                ) : null}
                {r.status === 'failed' ? (
                  <div className="small danger-text">{t('redemption.failed', { reason: failureText(r.failureReason, t) })}</div>
                ) : null}
              </div>
              <div className="row-side">
                <StatusBadge kind="redemption" status={r.status} testid={`redemption-status-${r.redemptionId}`} />
                <span className="amount amount-minus">−{r.points}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
};
