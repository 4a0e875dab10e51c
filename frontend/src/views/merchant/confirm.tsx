import { useRef, useState } from 'react';
import { type Redemption, confirmRedemption, fetchRedemption } from '../../api/rewards';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n';
import { ErrorNotice, LocalError, Notice, Section, StatusBadge } from '../../ui/components';
import { CodeInput } from '../../ui/forms';
import { useAction, useInterval } from '../../ui/hooks';

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
      fetchRedemption(result.redemptionId)
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
      setResult(await confirmRedemption(code));
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
        <LocalError message={localError} testid="confirm-local-error" />
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
              <dt>{t('confirm.customer')}</dt>
              <dd data-testid="confirm-customer">{result.displayName ?? t('shop.anonymous')}</dd>
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
