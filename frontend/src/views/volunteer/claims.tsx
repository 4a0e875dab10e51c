import { useState } from 'react';
import { type Claim, cancelClaim, myClaims } from '../../api/activities';
import { formatRange } from '../../format';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Empty, ErrorNotice, Loading, RefreshButton, Section, StatusBadge } from '../../ui/components';
import { ConfirmStep } from '../../ui/forms';
import { useAction, useNow, useResource } from '../../ui/hooks';
import { byStart } from '../shared/activityCard';
import { CalendarFeeds } from './calendarFeeds';

export const MyClaims = ({ go }: ViewProps) => {
  const { t, locale } = useI18n();
  const claims = useResource((signal) => myClaims(signal), []);
  const now = useNow(60_000);
  const items = [...(claims.data?.items ?? [])].sort(byStart);
  // Errors live here, not in the button: the row's error sits below the whole row.
  const [cancelErrors, setCancelErrors] = useState<Map<string, unknown>>(new Map());
  const onCancelled = (claim: Claim, error: unknown) => {
    setCancelErrors((m) => new Map(m).set(claim.claimId, error));
    if (!error) claims.setData({ items: (claims.data?.items ?? []).map((x) => (x.claimId === claim.claimId ? { ...x, status: 'cancelled' } : x)) });
  };

  return (
    <>
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
      <CalendarFeeds />
    </>
  );
};

/** Cancel a claim after a second click; past the deadline the server says CANCELLATION_CLOSED. */
const CancelClaim = ({ claim, onCancelled }: { claim: Claim; onCancelled: (claim: Claim, error: unknown) => void }) => {
  const { t } = useI18n();
  const action = useAction();
  const cancel = () =>
    void action.run(async () => {
      try {
        await cancelClaim(claim.claimId);
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
