import { useState } from 'react';
import { myHours } from '../../api/hours';
import { closeMyAccount, exportMyData } from '../../api/people';
import { myPoints, myTransactions } from '../../api/points';
import { type User, clearSession } from '../../api/session';
import { useI18n } from '../../i18n';
import { ErrorNotice, Section } from '../../ui/components';
import { TextField } from '../../ui/forms';
import { useAction } from '../../ui/hooks';

/** What a volunteer has beside the people service: points and hours (a role without them just leaves them out). */
const volunteerRecords = async (user: User) => {
  if (!user.roles.includes('volunteer')) return {};
  const [balance, statement, hours] = await Promise.allSettled([myPoints(), myTransactions(), myHours()]);
  const kept = <T,>(r: PromiseSettledResult<T>) => (r.status === 'fulfilled' ? r.value : undefined);
  return { points: { balance: kept(balance), statement: kept(statement) }, hours: kept(hours) };
};

/** Hand the browser a JSON file to save. */
const download = (name: string, data: unknown) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** PIPL rights: a copy of everything about me, and closing my account. */
export const MyData = ({ user }: { user: User }) => {
  const { t } = useI18n();
  const exporting = useAction();
  const closing = useAction();
  const [typed, setTyped] = useState('');

  const exportAll = () =>
    void exporting.run(async () => {
      const [people, records] = await Promise.all([exportMyData(), volunteerRecords(user)]);
      download(`lianxin-my-data-${new Date().toISOString().slice(0, 10)}.json`, { exportedAt: new Date().toISOString(), people, ...records });
    });

  const close = () =>
    void closing.run(async () => {
      await closeMyAccount();
      clearSession('closed');
    });

  return (
    <Section title={t('myData.title')} subtitle={t('myData.subtitle')} testid="my-data">
      <div className="card form-card">
        <h3>{t('myData.exportTitle')}</h3>
        <p className="muted small">{t('myData.exportHint')}</p>
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={exportAll} disabled={exporting.busy} data-testid="export-data">
            {exporting.busy ? t('common.working') : t('myData.export')}
          </button>
        </div>
        <ErrorNotice error={exporting.error} testid="export-error" />
      </div>
      <div className="card form-card danger-card" data-testid="close-account">
        <h3>{t('close.title')}</h3>
        <p className="small">{t('close.erased')}</p>
        <p className="small">{t('close.kept')}</p>
        <p className="small danger-text">{t('close.final')}</p>
        <TextField label={t('close.typeToConfirm')} value={typed} onChange={setTyped} testid="close-confirm-input" maxLength={10} autoComplete="off" placeholder="CLOSE" />
        <div className="button-row">
          <button type="button" className="btn btn-danger-outline" onClick={close} disabled={typed !== 'CLOSE' || closing.busy} data-testid="close-account-submit">
            {closing.busy ? t('common.working') : t('close.submit')}
          </button>
        </div>
        <ErrorNotice error={closing.error} testid="close-error" />
      </div>
    </Section>
  );
};
