import { type Redemption, listRewards, myRedemptions } from '../../api/rewards';
import { countdown, formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, RefreshButton, Section, StatusBadge } from '../../ui/components';
import { useInterval, useNow, useResource } from '../../ui/hooks';
import { TERMINAL, failureText } from './redemptionTracker';

export const MyRedemptions = () => {
  const { t, lang, locale } = useI18n();
  const list = useResource((signal) => myRedemptions(signal), []);
  const rewards = useResource((signal) => listRewards(signal), []);
  const now = useNow(1000);
  const items = [...(list.data?.items ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  useInterval(list.reload, 2000, items.some((r) => !TERMINAL.has(r.status)));
  const titleOf = (r: Redemption) => {
    const reward = rewards.data?.items.find((x) => x.rewardId === r.rewardId);
    return lang === 'en' && reward?.titleEn ? reward.titleEn : r.rewardTitle;
  };

  return (
    <Section title={t('redemptions.title')} actions={<RefreshButton onClick={list.reload} loading={list.loading} testid="redemptions-refresh" />}>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty>{t('redemptions.empty')}</Empty> : null}
      <ul className="rows">
        {items.map((r) => {
          const left = countdown(r.expiresAt, now);
          return (
            <li key={r.redemptionId} className="row" data-testid={`redemption-${r.redemptionId}`} data-reward-id={r.rewardId}>
              <div className="row-main">
                <div className="row-title">{titleOf(r)}</div>
                <div className="muted small">
                  {r.merchantName} · {formatDateTime(r.createdAt, locale)}
                </div>
                {r.status === 'held' && r.code ? (
                  <div className="inline-code">
                    <span className="muted small">{t('redemptions.code')}</span>
                    <span className="code-text" data-testid={`redemption-code-${r.redemptionId}`}>
                      {r.code}
                    </span>
                    <span className="muted small">{left ? t('common.expiresIn', { time: left }) : t('common.expired')}</span>
                  </div>
                ) : null}
                {r.status === 'failed' ? (
                  <div className="small danger-text">{t('redemption.failed', { reason: failureText(r.failureReason, t) })}</div>
                ) : null}
              </div>
              <div className="row-side">
                <StatusBadge kind="redemption" status={r.status} testid={`redemption-status-${r.redemptionId}`} />
                <span className="amount amount-minus">−{r.points}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
};
