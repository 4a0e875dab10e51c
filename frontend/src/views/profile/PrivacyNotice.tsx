import { type Me, acceptPrivacyNotice } from '../../api/people';
import { useI18n } from '../../i18n';
import { ErrorNotice, Section } from '../../ui/components';
import { useAction } from '../../ui/hooks';

/** The privacy notice in force: what is collected, why, and the person's rights; nothing of theirs is stored before they accept it. */
export const PrivacyNotice = ({ version, onAccepted }: { version: string; onAccepted: (me: Me) => void }) => {
  const { t } = useI18n();
  const action = useAction();
  const accept = () => void action.run(async () => onAccepted(await acceptPrivacyNotice(version)));
  return (
    <Section title={t('privacy.title')} subtitle={t('privacy.version', { version })} testid="privacy-notice">
      <div className="card privacy" data-version={version}>
        <h3>{t('privacy.collectTitle')}</h3>
        <p>{t('privacy.collect')}</p>
        <h3>{t('privacy.whyTitle')}</h3>
        <p>{t('privacy.why')}</p>
        <h3>{t('privacy.rightsTitle')}</h3>
        <p>{t('privacy.rights')}</p>
        <div className="button-row">
          <button type="button" className="btn btn-primary btn-large" onClick={accept} disabled={action.busy} data-testid="privacy-accept">
            {action.busy ? t('common.working') : t('privacy.accept')}
          </button>
        </div>
        <ErrorNotice error={action.error} testid="privacy-error" />
      </div>
    </Section>
  );
};
