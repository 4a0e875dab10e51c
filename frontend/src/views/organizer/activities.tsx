import { useEffect, useMemo, useState } from 'react';
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
import { ActivityForm } from './activityForm';
import { CreatedNotice } from './createdNotice';

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

/** The server's list wins; one just created is shown until the (index-backed) list catches up with it. */
const withCreated = (listed: Activity[], created: Activity[]): Activity[] => {
  const byId = new Map(created.map((a) => [a.activityId, a]));
  for (const a of listed) byId.set(a.activityId, a);
  return [...byId.values()];
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
  const [formOpen, setFormOpen] = useState(false);
  const [latest, setLatest] = useState<Activity | null>(null);
  const [created, setCreated] = useState<Activity[]>([]);
  // Once the list holds them, the ones created here need no keeping.
  useEffect(() => {
    const listed = new Set(list.data?.map((a) => a.activityId));
    setCreated((c) => (c.some((a) => listed.has(a.activityId)) ? c.filter((a) => !listed.has(a.activityId)) : c));
  }, [list.data]);
  const now = useNow(60_000);
  const items = useMemo(() => sortActivities(withCreated(list.data ?? [], created), now), [list.data, created, now]);

  const done = (activity: Activity) => {
    setLatest(activity);
    setFormOpen(false);
    if (activity.status === 'draft') return;
    setCreated((c) => [...c, activity]);
    list.reload();
  };

  const actions = (
    <>
      {orgIds.length && !formOpen ? (
        <button type="button" className="btn btn-primary" onClick={() => (setFormOpen(true), setLatest(null))} data-testid="new-activity">
          {t('publish.open')}
        </button>
      ) : null}
      <RefreshButton onClick={list.reload} loading={list.loading} testid="org-activities-refresh" />
    </>
  );

  return (
    <Section title={t('org.title')} subtitle={t('org.subtitle')} actions={actions}>
      {!orgIds.length ? <Empty>{t('org.none')}</Empty> : null}
      {formOpen ? <ActivityForm orgIds={orgIds} onCreated={done} onClose={() => setFormOpen(false)} /> : null}
      {latest ? <CreatedNotice activity={latest} onPublished={done} /> : null}
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
