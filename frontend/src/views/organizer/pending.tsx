import { useState } from 'react';
import { type HourLog, pendingHours, rejectHours, verifyHours } from '../../api/hours';
import { formatDateTime, formatDuration } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, LocalError, Notice, RefreshButton, Section } from '../../ui/components';
import { useAction, useInterval, useResource } from '../../ui/hooks';

/** `maxBonus`: the earning policy's maximum organizer bonus, as the pending list tells it. */
const PendingRow = ({ log, maxBonus, onDone }: { log: HourLog; maxBonus: number; onDone: (message: string) => void }) => {
  const { t, locale } = useI18n();
  const action = useAction();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [bonus, setBonus] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const recorded = log.minutes ?? 0;
  const adjusted = minutes.trim() === '' ? undefined : Number(minutes);
  const bonusPoints = bonus.trim() === '' ? undefined : Number(bonus);

  const verify = () => {
    if (adjusted !== undefined && (!Number.isInteger(adjusted) || adjusted < 0)) return setLocalError(t('pending.invalidMinutes'));
    if (adjusted !== undefined && adjusted !== log.minutes && !note.trim()) return setLocalError(t('pending.noteRequired'));
    if (bonusPoints !== undefined && (!Number.isInteger(bonusPoints) || bonusPoints < 0 || bonusPoints > maxBonus)) {
      return setLocalError(t('pending.invalidBonus', { max: maxBonus }));
    }
    setLocalError(null);
    const body = {
      ...(adjusted !== undefined ? { minutes: adjusted } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(bonusPoints ? { bonusPoints } : {}),
    };
    void action.run(async () => {
      const result = await verifyHours(log.hourLogId, body);
      onDone(
        t('pending.verified', {
          name: result.volunteerName || log.volunteerName,
          minutes: result.minutes ?? adjusted ?? recorded,
          // Only shifts reach verification, and every shift has its activity's rate.
          rate: result.pointsPerHour ?? log.pointsPerHour ?? 0,
        }),
      );
    });
  };

  const reject = () => {
    if (!reason.trim()) return setLocalError(t('pending.reasonRequired'));
    setLocalError(null);
    void action.run(async () => {
      const result = await rejectHours(log.hourLogId, reason.trim());
      onDone(t('pending.rejected', { name: result.volunteerName || log.volunteerName }));
    });
  };

  return (
    <li className="card pending" data-testid={`pending-${log.hourLogId}`} data-volunteer-id={log.volunteerId} data-kind={log.kind}>
      <div className="pending-head">
        <div>
          <div className="row-title">
            <span className="avatar avatar-small" aria-hidden>
              {log.volunteerName.slice(0, 1)}
            </span>{' '}
            {log.kind === 'wish' ? t('pending.wishTitle') : `${log.volunteerName} · ${log.activityTitle}`}
          </div>
          <div className="muted small">
            {t('hours.checkIn')} {formatDateTime(log.checkInAt, locale)}
            {log.checkOutAt ? ` · ${t('hours.checkOut')} ${formatDateTime(log.checkOutAt, locale)}` : ''}
          </div>
        </div>
        <div className="pending-figures">
          <div data-testid={`pending-minutes-${log.hourLogId}`}>{t('pending.recorded', { n: recorded })}</div>
          {log.pointsPerHour !== undefined ? (
            <div className="muted small" data-testid={`pending-rate-${log.hourLogId}`}>
              {t('pending.rate', { n: log.pointsPerHour })}
            </div>
          ) : null}
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
          <label className="field">
            <span className="field-label">{t('pending.bonus', { max: maxBonus })}</span>
            <input
              type="number"
              min={0}
              max={maxBonus}
              step={1}
              inputMode="numeric"
              value={bonus}
              onChange={(e) => setBonus(e.target.value)}
              placeholder="0"
              data-testid={`verify-bonus-${log.hourLogId}`}
            />
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
      <LocalError message={localError} testid={`pending-local-error-${log.hourLogId}`} />
      <ErrorNotice error={action.error} testid={`pending-error-${log.hourLogId}`} />
    </li>
  );
};

/**
 * The hours awaiting the organizer's decision. It shows minutes and the activity's rate, never
 * points: the ledger alone computes what verified hours earn (caps, coefficients, bonus). The
 * bonus field shows the policy's maximum, which the API also enforces.
 */
export const PendingHours = () => {
  const { t } = useI18n();
  const list = useResource((signal) => pendingHours(signal), []);
  const [message, setMessage] = useState<string | null>(null);
  useInterval(list.reload, 5000);
  const maxBonus = list.data?.maxBonusPoints;
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
      {maxBonus === undefined ? null : (
        <ul className="cards">
          {items.map((log) => (
            <PendingRow
              key={log.hourLogId}
              log={log}
              maxBonus={maxBonus}
              onDone={(m) => {
                setMessage(m);
                if (list.data) list.setData({ ...list.data, items: list.data.items.filter((x) => x.hourLogId !== log.hourLogId) });
                list.reload();
              }}
            />
          ))}
        </ul>
      )}
    </Section>
  );
};
