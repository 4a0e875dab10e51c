import { myPoints, myTransactions } from '../../api/points';
import { listRewards } from '../../api/rewards';
import { formatDateTime, formatPoints } from '../../format';
import { type Translate, isMessageKey, useI18n } from '../../i18n';
import { Empty, ErrorNotice, Figure, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { useInterval, useResource } from '../../ui/hooks';

const kindLabel = (kind: string, t: Translate): string => {
  const key = `kind.${kind.toLowerCase()}`;
  return isMessageKey(key) ? t(key) : kind;
};

/** Ledger memos name what moved the points (`hours:<id>`, `reward:<id>`, `redemption:<id>`). */
const memoText = (memo: string | undefined, t: Translate, rewardTitle: (id: string) => string | undefined, locale: string): string => {
  if (!memo) return '';
  const [kind, id = ''] = memo.split(/:(.*)/s);
  if (kind === 'hours') return t('memo.hours');
  if (kind === 'reward') return rewardTitle(id) ?? t('memo.reward');
  if (kind === 'redemption') return t('memo.redemption');
  if (memo.startsWith('lot ')) return t('memo.lot', { date: formatDateTime(memo.slice(4), locale) });
  return memo;
};

export const MyPoints = () => {
  const { t, lang, locale } = useI18n();
  const points = useResource((signal) => myPoints(signal), []);
  const rewards = useResource((signal) => listRewards(signal), []);
  const rewardTitle = (id: string) => {
    const r = rewards.data?.items.find((x) => x.rewardId === id);
    return r ? (lang === 'zh' ? r.title : r.titleEn || r.title) : undefined;
  };
  const txns = useResource((signal) => myTransactions(signal), []);
  const refresh = () => {
    points.reload();
    txns.reload();
  };
  useInterval(refresh, 3000);
  const balance = points.data;

  return (
    <Section
      title={t('points.title')}
      subtitle={t('points.autoRefresh')}
      actions={<RefreshButton onClick={refresh} loading={points.loading || txns.loading} testid="points-refresh" />}
    >
      <ErrorNotice error={points.error ?? txns.error} />
      <div className="figures">
        <Figure label={t('points.available')} value={formatPoints(balance?.available, locale)} testid="points-available" emphasis />
        <Figure label={t('points.held')} value={formatPoints(balance?.held, locale)} testid="points-held" />
        <Figure label={t('points.lifetime')} value={formatPoints(balance?.lifetimeEarned, locale)} testid="points-lifetime" />
        <Figure label={t('points.expiringSoon')} value={formatPoints(balance?.expiringSoon, locale)} testid="points-expiring" />
      </div>
      {balance?.expiringSoon && balance.nextExpiry ? (
        <Notice tone="warn" testid="points-expiry-notice">
          {t('points.expiryNotice', { n: balance.expiringSoon, date: formatDateTime(balance.nextExpiry, locale) })}
        </Notice>
      ) : null}
      <div className="subsection">
        <h3>{t('points.transactions')}</h3>
        {txns.loading && !txns.data ? <Loading /> : null}
        {txns.data && !txns.data.items.length ? <Empty>{t('points.noTransactions')}</Empty> : null}
        <ul className="rows">
          {(txns.data?.items ?? []).map((x) => (
            <li key={`${x.seq}-${x.transferId}`} className="row" data-testid={`txn-${x.seq}`}>
              <div className="row-main">
                <div className="row-title">{kindLabel(x.kind, t)}</div>
                <div className="muted small">
                  {formatDateTime(x.at, locale)}
                  {x.memo ? ` · ${memoText(x.memo, t, rewardTitle, locale)}` : ''}
                </div>
              </div>
              <div className="row-side">
                <span className={`amount ${x.amount > 0 ? 'amount-plus' : x.amount < 0 ? 'amount-minus' : 'amount-zero'}`}>
                  {x.amount > 0 ? '+' : ''}
                  {x.amount}
                </span>
                <span className="muted small">{t('points.balanceAfter', { n: x.balanceAfter })}</span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
};
