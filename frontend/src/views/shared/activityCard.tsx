import type { ReactNode } from 'react';
import type { Activity } from '../../api/activities';
import { isMessageKey, useI18n } from '../../i18n';
import { Badge } from '../../ui/components';

/** Shifts (or claims) soonest first. */
export const byStart = (a: { startsAt: string }, b: { startsAt: string }) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** Activities with a shift still to come (or running) first, soonest first. */
export const sortActivities = (items: Activity[], now: number): Activity[] => {
  const next = (a: Activity) => {
    const open = a.shifts.filter((s) => Date.parse(s.endsAt) > now).sort(byStart)[0];
    return open ? Date.parse(open.startsAt) : Number.MAX_SAFE_INTEGER;
  };
  return [...items].sort((a, b) => next(a) - next(b));
};

const AudienceBadge = ({ audience }: { audience: Activity['audience'] }) => {
  const { t } = useI18n();
  const key = `audience.${audience}`;
  return <Badge tone={audience === 'everyone' ? 'neutral' : 'warn'}>{isMessageKey(key) ? t(key) : audience}</Badge>;
};

/** An activity as volunteers and organizers both see it; `children` are its shifts' rows. */
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
