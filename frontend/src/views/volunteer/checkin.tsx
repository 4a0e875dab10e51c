import { useState } from 'react';
import { type HourLog, checkIn, checkOut, myHours } from '../../api/hours';
import { formatDateTime, formatDuration } from '../../format';
import { useI18n } from '../../i18n';
import { ErrorNotice, LocalError, Notice, Section, StatusBadge } from '../../ui/components';
import { CodeInput } from '../../ui/forms';
import { useAction, useResource } from '../../ui/hooks';

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

export const CheckInOut = () => {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ kind: 'in' | 'out'; log: HourLog } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const hours = useResource((signal) => myHours(signal), []);
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
      const log = kind === 'in' ? await checkIn(code) : await checkOut(code);
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
        <LocalError message={localError} testid="checkin-local-error" />
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
