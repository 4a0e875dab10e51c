import { useMemo, useState } from 'react';
import { type Activity, type Claim, type Shift, allActivities, claimShift, myClaims } from '../../api/activities';
import { formatRange } from '../../format';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Badge, Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { useAction, useNow, useResource } from '../../ui/hooks';
import { ActivityCard, byStart, sortActivities } from '../shared/activityCard';
import { EmergencyCalls } from './emergency';

const shiftPhase = (shift: Shift, now: number): 'ended' | 'ongoing' | 'upcoming' =>
  Date.parse(shift.endsAt) <= now ? 'ended' : Date.parse(shift.startsAt) <= now ? 'ongoing' : 'upcoming';

type ClaimState = Exclude<Claim['status'], 'cancelled'>;

const ShiftRow = ({ activity, shift, claimed, onClaimed }: { activity: Activity; shift: Shift; claimed?: ClaimState; onClaimed: (state: ClaimState) => void }) => {
  const { t, locale } = useI18n();
  const now = useNow(30_000);
  const action = useAction();
  const phase = shiftPhase(shift, now);
  const full = shift.remaining <= 0;

  const claim = () =>
    void action.run(async () => {
      // A full shift puts the claim on its waitlist (202 { status: 'waitlisted', position }).
      const answer = await claimShift(activity.activityId, shift.shiftId);
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

export const Activities = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const list = useResource((signal) => allActivities(signal), []);
  const claims = useResource((signal) => myClaims(signal), []);
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
