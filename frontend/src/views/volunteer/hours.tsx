import { useEffect, useState } from 'react';
import { type HourLog, myHours } from '../../api/hours';
import { earnedByHourLog } from '../../api/points';
import { formatDateTime, formatDuration, formatPoints } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Figure, Loading, RefreshButton, Section, StatusBadge } from '../../ui/components';
import { useInterval, useResource } from '../../ui/hooks';

/** How many times (3 s apart) to look for the ledger's credit of newly verified hours. */
const EARN_POLLS = 20;

/** My hour logs; what each earned comes from my ledger statement (the ledger alone computes points). */
export const MyHours = () => {
  const { t, locale } = useI18n();
  const hours = useResource((signal) => myHours(signal), []);
  const earned = useResource((signal) => earnedByHourLog(signal), []);
  const items = [...(hours.data?.items ?? [])].sort((a, b) => Date.parse(b.checkInAt) - Date.parse(a.checkInAt));
  const verified = items.filter((h) => h.status === 'verified');
  const minutes = verified.reduce((sum, h) => sum + (h.minutes ?? 0), 0);
  const pointsOf = (h: HourLog) => earned.data?.get(h.hourLogId);
  const points = verified.reduce((sum, h) => sum + (pointsOf(h) ?? 0), 0);
  useInterval(hours.reload, 5000, items.some((h) => h.status === 'checked_out'));

  // The ledger credits verified hours a moment after the verification: look again for a
  // while, not forever (a frozen account earns nothing).
  const [polls, setPolls] = useState(0);
  useEffect(() => setPolls(0), [verified.length]);
  const crediting = !!earned.data && verified.some((h) => pointsOf(h) === undefined);
  useInterval(() => (setPolls((n) => n + 1), earned.reload()), 3000, crediting && polls < EARN_POLLS);
  const refresh = () => (hours.reload(), earned.reload());

  return (
    <Section title={t('hours.title')} actions={<RefreshButton onClick={refresh} loading={hours.loading} testid="hours-refresh" />}>
      <ErrorNotice error={hours.error ?? earned.error} />
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
              {pointsOf(h) !== undefined ? (
                <span className="points-pill" data-testid={`hour-points-${h.hourLogId}`}>
                  +{pointsOf(h)}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
};
