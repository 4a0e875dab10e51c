import { useMemo, useState } from 'react';
import { type Activity, type CheckinCode, type HourLog, type Shift, api, scopeIds } from '../api';
import type { ViewProps } from '../App';
import { countdown, formatDateTime, formatDuration, formatRange, formatTime } from '../format';
import { useI18n } from '../i18n';
import { Badge, BigCode, Empty, ErrorNotice, Loading, Notice, RefreshButton, Section, useAction, useInterval, useNow, useResource } from '../ui';
import { ActivityCard, allActivities, sortActivities } from './volunteer';

// ---- Activities of my organizations, with check-in codes ------------------------------

const ShiftCodes = ({ shift }: { shift: Shift }) => {
  const { t, locale } = useI18n();
  const action = useAction();
  const [code, setCode] = useState<CheckinCode | null>(null);
  const now = useNow(1000);
  const left = code ? countdown(code.expiresAt, now) : null;
  const ended = Date.parse(shift.endsAt) <= now;
  const ongoing = !ended && Date.parse(shift.startsAt) <= now;

  const issue = () =>
    void action.run(async () => {
      setCode(await api.issueCheckinCode(shift.shiftId));
    });

  return (
    <li className="shift shift-org" data-testid={`org-shift-${shift.shiftId}`}>
      <div className="shift-main">
        <div className="shift-time">
          {formatRange(shift.startsAt, shift.endsAt, locale)}
          {ongoing ? <Badge tone="accent">{t('activities.ongoing')}</Badge> : null}
          {ended ? <Badge>{t('activities.ended')}</Badge> : null}
        </div>
        <div className="shift-places" data-testid={`signed-up-${shift.shiftId}`}>
          {t('org.signedUp', { confirmed: shift.confirmed, capacity: shift.capacity })}
        </div>
      </div>
      <div className="shift-action">
        <button
          type="button"
          className={`btn ${code ? 'btn-secondary' : 'btn-primary'}`}
          onClick={issue}
          disabled={action.busy}
          data-testid={`issue-code-${shift.shiftId}`}
        >
          {action.busy ? t('common.working') : code ? t('org.reissue') : t('org.issueCode')}
        </button>
      </div>
      {action.error ? (
        <div className="shift-error">
          <ErrorNotice error={action.error} testid={`issue-code-error-${shift.shiftId}`} />
        </div>
      ) : null}
      {code ? (
        <div className="code-panel" data-testid={`code-panel-${shift.shiftId}`}>
          <BigCode code={code.code} testid={`checkin-code-${shift.shiftId}`} expired={!left} />
          <div className={`code-expiry${left ? '' : ' danger-text'}`} data-testid={`checkin-code-expiry-${shift.shiftId}`} data-expires-at={code.expiresAt}>
            {left ? t('common.expiresIn', { time: left }) : t('org.codeExpired')}
            <span className="muted"> · {formatTime(code.expiresAt, locale)}</span>
          </div>
          <p className="muted small">{t('org.codeHint')}</p>
        </div>
      ) : null}
    </li>
  );
};

export const OrgActivities = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const orgIds = useMemo(() => scopeIds(user, 'org'), [user]);
  const list = useResource(async (signal) => {
    const pages = await Promise.all(orgIds.map((orgId) => allActivities(signal, orgId)));
    const seen = new Map<string, Activity>();
    for (const a of pages.flat()) seen.set(a.activityId, a);
    return [...seen.values()];
  }, [orgIds.join(',')]);
  const now = useNow(60_000);
  const items = useMemo(() => sortActivities(list.data ?? [], now), [list.data, now]);

  return (
    <Section title={t('org.title')} subtitle={t('org.subtitle')} actions={<RefreshButton onClick={list.reload} loading={list.loading} testid="org-activities-refresh" />}>
      {!orgIds.length ? <Empty>{t('org.none')}</Empty> : null}
      <ErrorNotice error={list.error} />
      {orgIds.length && list.loading && !list.data ? <Loading /> : null}
      {list.data && orgIds.length && !items.length ? <Empty>{t('org.empty')}</Empty> : null}
      <div className="cards">
        {items.map((activity) => (
          <ActivityCard key={activity.activityId} activity={activity}>
            <ul className="shifts">
              {[...activity.shifts]
                .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
                .map((shift) => (
                  <ShiftCodes key={shift.shiftId} shift={shift} />
                ))}
            </ul>
          </ActivityCard>
        ))}
      </div>
    </Section>
  );
};

// ---- Pending hours --------------------------------------------------------------------

const PendingRow = ({ log, onDone }: { log: HourLog; onDone: (message: string) => void }) => {
  const { t, locale } = useI18n();
  const action = useAction();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const recorded = log.minutes ?? 0;
  const estimate = (m: number) => Math.floor((m * log.pointsPerHour) / 60);
  const adjusted = minutes.trim() === '' ? undefined : Number(minutes);

  const verify = () => {
    if (adjusted !== undefined && (!Number.isInteger(adjusted) || adjusted < 0)) return setLocalError(t('pending.invalidMinutes'));
    if (adjusted !== undefined && adjusted !== log.minutes && !note.trim()) return setLocalError(t('pending.noteRequired'));
    setLocalError(null);
    const body = { ...(adjusted !== undefined ? { minutes: adjusted } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    void action.run(async () => {
      const result = await api.verifyHours(log.hourLogId, body);
      onDone(
        t('pending.verified', {
          name: result.volunteerName || log.volunteerName,
          minutes: result.minutes ?? adjusted ?? recorded,
          points: result.points ?? estimate(result.minutes ?? adjusted ?? recorded),
        }),
      );
    });
  };

  const reject = () => {
    if (!reason.trim()) return setLocalError(t('pending.reasonRequired'));
    setLocalError(null);
    void action.run(async () => {
      const result = await api.rejectHours(log.hourLogId, reason.trim());
      onDone(t('pending.rejected', { name: result.volunteerName || log.volunteerName }));
    });
  };

  return (
    <li className="card pending" data-testid={`pending-${log.hourLogId}`} data-volunteer-id={log.volunteerId}>
      <div className="pending-head">
        <div>
          <div className="row-title">
            <span className="avatar avatar-small" aria-hidden>
              {log.volunteerName.slice(0, 1)}
            </span>{' '}
            {log.volunteerName} · {log.activityTitle}
          </div>
          <div className="muted small">
            {t('hours.checkIn')} {formatDateTime(log.checkInAt, locale)}
            {log.checkOutAt ? ` · ${t('hours.checkOut')} ${formatDateTime(log.checkOutAt, locale)}` : ''}
          </div>
        </div>
        <div className="pending-figures">
          <div data-testid={`pending-minutes-${log.hourLogId}`}>{t('pending.recorded', { n: recorded })}</div>
          <div className="muted small">{t('pending.estimate', { n: estimate(recorded) })}</div>
        </div>
      </div>
      <div className="pending-forms">
        <div className="pending-form">
          <label className="field">
            <span className="field-label">{t('pending.adjustMinutes')}</span>
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              placeholder={String(recorded)}
              data-testid={`verify-minutes-${log.hourLogId}`}
            />
          </label>
          <label className="field field-grow">
            <span className="field-label">{t('pending.note')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid={`verify-note-${log.hourLogId}`} />
          </label>
          <button type="button" className="btn btn-primary" onClick={verify} disabled={action.busy} data-testid={`verify-${log.hourLogId}`}>
            {t('pending.verify')}
            {adjusted !== undefined && Number.isInteger(adjusted) && adjusted >= 0 ? ` · ${formatDuration(adjusted, t)}` : ''}
          </button>
        </div>
        <div className="pending-form">
          <label className="field field-grow">
            <span className="field-label">{t('pending.reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid={`reject-reason-${log.hourLogId}`} />
          </label>
          <button type="button" className="btn btn-danger-outline" onClick={reject} disabled={action.busy} data-testid={`reject-${log.hourLogId}`}>
            {t('pending.reject')}
          </button>
        </div>
      </div>
      {localError ? (
        <div className="notice notice-error" role="alert" data-testid={`pending-local-error-${log.hourLogId}`}>
          {localError}
        </div>
      ) : null}
      <ErrorNotice error={action.error} testid={`pending-error-${log.hourLogId}`} />
    </li>
  );
};

export const PendingHours = () => {
  const { t } = useI18n();
  const list = useResource((signal) => api.pendingHours(signal), []);
  const [message, setMessage] = useState<string | null>(null);
  useInterval(list.reload, 5000);
  const items = [...(list.data?.items ?? [])].sort((a, b) => Date.parse(a.checkOutAt ?? a.checkInAt) - Date.parse(b.checkOutAt ?? b.checkInAt));

  return (
    <Section title={t('pending.title')} subtitle={t('pending.subtitle')} actions={<RefreshButton onClick={list.reload} loading={list.loading} testid="pending-refresh" />}>
      {message ? (
        <Notice tone="success" testid="hours-result">
          {message}
        </Notice>
      ) : null}
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty>{t('pending.empty')}</Empty> : null}
      <ul className="cards">
        {items.map((log) => (
          <PendingRow
            key={log.hourLogId}
            log={log}
            onDone={(m) => {
              setMessage(m);
              list.setData({ items: (list.data?.items ?? []).filter((x) => x.hourLogId !== log.hourLogId) });
              list.reload();
            }}
          />
        ))}
      </ul>
    </Section>
  );
};
