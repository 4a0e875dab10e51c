import { useMemo, useState } from 'react';
import { type Activity, type Shift, allActivities } from '../../api/activities';
import { type CheckinCode, issueCheckinCode } from '../../api/hours';
import { scopeIds } from '../../api/session';
import { countdown, formatRange, formatTime } from '../../format';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Badge, Empty, ErrorNotice, Loading, RefreshButton, Section } from '../../ui/components';
import { BigCode } from '../../ui/forms';
import { useAction, useNow, useResource } from '../../ui/hooks';
import { ActivityCard, byStart, sortActivities } from '../shared/activityCard';

/** The activities of my organizations, with a check-in code per shift. */
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
      setCode(await issueCheckinCode(shift.shiftId));
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
              {[...activity.shifts].sort(byStart).map((shift) => (
                <ShiftCodes key={shift.shiftId} shift={shift} />
              ))}
            </ul>
          </ActivityCard>
        ))}
      </div>
    </Section>
  );
};
