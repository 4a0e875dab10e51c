import { useRef, useState } from 'react';
import { type Redemption, api, scopeIds } from '../api';
import type { ViewProps } from '../App';
import { formatDateTime, formatPoints } from '../format';
import { useI18n } from '../i18n';
import { Empty, ErrorNotice, Figure, Loading, Notice, RefreshButton, Section, StatusBadge, useAction, useInterval, useResource } from '../ui';
import { CodeInput } from './volunteer';

/** At the counter: the customer shows an 8-digit code, the shop confirms it. */
export const ConfirmRedemption = () => {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, setResult] = useState<Redemption | null>(null);
  const action = useAction();
  const polling = useRef(false);

  // Confirmed → completed once the ledger has posted the points to the shop.
  useInterval(
    () => {
      if (!result || polling.current) return;
      polling.current = true;
      api
        .redemption(result.redemptionId)
        .then(setResult, () => undefined)
        .finally(() => {
          polling.current = false;
        });
    },
    1000,
    result?.status === 'confirmed',
  );

  const submit = () => {
    if (!/^\d{8}$/.test(code)) return setLocalError(t('confirm.invalidCode'));
    setLocalError(null);
    setResult(null);
    void action.run(async () => {
      setResult(await api.confirmRedemption(code));
      setCode('');
    });
  };

  return (
    <Section title={t('confirm.title')} subtitle={t('confirm.hint')}>
      <div className="card form-card">
        <CodeInput value={code} onChange={setCode} digits={8} label={t('confirm.code')} testid="confirm-code-input" onEnter={submit} />
        <div className="button-row">
          <button type="button" className="btn btn-primary btn-large" onClick={submit} disabled={action.busy} data-testid="confirm-submit">
            {action.busy ? t('common.working') : t('confirm.submit')}
          </button>
        </div>
        {localError ? (
          <div className="notice notice-error" role="alert" data-testid="confirm-local-error">
            {localError}
          </div>
        ) : null}
        <ErrorNotice error={action.error} testid="confirm-error" />
      </div>
      {result ? (
        <div className="card confirm-result" data-testid="confirm-result" data-redemption-id={result.redemptionId}>
          <Notice tone="success">{t('confirm.success')}</Notice>
          <dl className="facts">
            <div>
              <dt>{t('confirm.reward')}</dt>
              <dd data-testid="confirm-reward">{result.rewardTitle}</dd>
            </div>
            <div>
              <dt>{t('confirm.points')}</dt>
              <dd data-testid="confirm-points">{formatPoints(result.points, locale)}</dd>
            </div>
            <div>
              <dt>{t('confirm.status')}</dt>
              <dd>
                <StatusBadge kind="redemption" status={result.status} testid="confirm-status" />
              </dd>
            </div>
          </dl>
        </div>
      ) : null}
    </Section>
  );
};

export const ShopRedemptions = ({ user }: ViewProps) => {
  const { t, locale } = useI18n();
  const list = useResource((signal) => api.myRedemptions(signal), []);
  const merchantId = scopeIds(user, 'merchant')[0];
  const account = useResource(async (signal) => (merchantId ? api.account(`merchant:${merchantId}`, signal) : undefined), [merchantId]);
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
