import { accountBalance } from '../../api/points';
import { myRedemptions } from '../../api/rewards';
import { scopeIds } from '../../api/session';
import { formatDateTime, formatPoints } from '../../format';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Empty, ErrorNotice, Figure, Loading, RefreshButton, Section, StatusBadge } from '../../ui/components';
import { useInterval, useResource } from '../../ui/hooks';

/** The shop's redemptions and the points its account received. */
export const ShopRedemptions = ({ user }: ViewProps) => {
  const { t, locale } = useI18n();
  const list = useResource((signal) => myRedemptions(signal), []);
  const merchantId = scopeIds(user, 'merchant')[0];
  const account = useResource(async (signal) => (merchantId ? accountBalance(`merchant:${merchantId}`, signal) : undefined), [merchantId]);
  const items = [...(list.data?.items ?? [])].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const completed = items.filter((r) => r.status === 'completed');
  useInterval(list.reload, 5000, items.some((r) => r.status === 'confirmed'));

  return (
    <Section
      title={t('shop.title')}
      actions={<RefreshButton onClick={() => (list.reload(), account.reload())} loading={list.loading} testid="shop-refresh" />}
    >
      <ErrorNotice error={list.error} />
      <div className="figures">
        <Figure label={t('shop.completed')} value={completed.length} testid="shop-completed" />
        <Figure
          label={t('shop.received')}
          value={formatPoints(account.data ? account.data.available : completed.reduce((sum, r) => sum + r.points, 0), locale)}
          testid="shop-received"
          emphasis
        />
      </div>
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty>{t('shop.empty')}</Empty> : null}
      <ul className="rows">
        {items.map((r) => (
          <li key={r.redemptionId} className="row" data-testid={`shop-redemption-${r.redemptionId}`}>
            <div className="row-main">
              <div className="row-title">{r.rewardTitle}</div>
              <div className="muted small" data-testid={`shop-redemption-customer-${r.redemptionId}`}>
                {t('shop.customer', { name: r.displayName ?? t('shop.anonymous') })}
              </div>
              <div className="muted small">{formatDateTime(r.updatedAt, locale)}</div>
            </div>
            <div className="row-side">
              <StatusBadge kind="redemption" status={r.status} testid={`shop-redemption-status-${r.redemptionId}`} />
              <span className="amount amount-plus">{r.points}</span>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
};
