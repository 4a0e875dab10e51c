import { useEffect, useRef, useState } from 'react';
import { type Redemption, fetchRedemption } from '../../api/rewards';
import { countdown, formatDateTime } from '../../format';
import { type Translate, isMessageKey, useI18n } from '../../i18n';
import { ErrorNotice, Notice, StatusBadge } from '../../ui/components';
import { BigCode } from '../../ui/forms';
import { useInterval, useNow } from '../../ui/hooks';

/** A redemption in one of these is over: nothing more to follow. */
export const TERMINAL = new Set<Redemption['status']>(['completed', 'failed', 'expired']);

/** Why a redemption failed, in the user's language. */
export const failureText = (reason: string | undefined, t: Translate): string => {
  if (!reason) return t('common.dash');
  const key = `reason.${reason}`;
  return isMessageKey(key) ? t(key) : reason;
};

/**
 * Follows one redemption: every second until the points are held (or it fails), then more
 * calmly while the code waits at the counter, until completed, failed or expired.
 */
export const RedemptionTracker = ({ initial, title, onSettled, onClose }: { initial: Redemption; title: string; onSettled: () => void; onClose: () => void }) => {
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
    fetchRedemption(redemption.redemptionId)
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
