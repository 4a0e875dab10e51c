import { useState } from 'react';
import { type Me, places, submitDualRegistration } from '../../api/people';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Badge, Empty, type Tone, Section } from '../../ui/components';
import { FormWithSubmit, TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { nameIn } from './places';

const TONE = { pending: 'info', confirmed: 'success', rejected: 'danger' } as const satisfies Record<string, Tone>;

const lengthOk = (s: string) => s.trim().length >= 2 && s.trim().length <= 40;

/**
 * 双报到: an in-service party member registers their work unit and party branch with the
 * community they live in (their profile's); the community confirms or rejects it. While
 * pending or after a rejection it may be sent again; once confirmed it stands.
 */
export const DualRegistrationCard = ({ me, onChange }: { me: Me; onChange: (me: Me) => void }) => {
  const { t, lang, locale } = useI18n();
  const directory = useResource((signal) => places(signal), []);
  const dual = me.dualRegistration;
  const [workUnit, setWorkUnit] = useState(dual?.workUnit ?? '');
  const [partyBranch, setPartyBranch] = useState(dual?.partyBranch ?? '');
  const community = directory.data?.communities.find((c) => c.communityId === (dual?.communityId ?? me.profile?.communityId));

  return (
    <Section title={t('dual.title')} subtitle={t('dual.subtitle')} testid="dual-registration">
      {dual ? (
        <div className="card" data-testid="dual-status-card" data-status={dual.status}>
          <div className="activity-head">
            <h3 className="activity-title">{dual.workUnit}</h3>
            <Badge tone={TONE[dual.status]} testid="dual-status">
              {t(`dualStatus.${dual.status}`)}
            </Badge>
          </div>
          <dl className="facts">
            <div>
              <dt>{t('dual.partyBranch')}</dt>
              <dd>{dual.partyBranch}</dd>
            </div>
            <div>
              <dt>{t('dual.community')}</dt>
              <dd>{nameIn(lang, community, dual.communityId)}</dd>
            </div>
            <div>
              <dt>{t('dual.submittedAt')}</dt>
              <dd>{formatDateTime(dual.submittedAt, locale)}</dd>
            </div>
            {dual.decidedAt ? (
              <div>
                <dt>{t('dual.decidedAt')}</dt>
                <dd>{formatDateTime(dual.decidedAt, locale)}</dd>
              </div>
            ) : null}
          </dl>
          {dual.status === 'rejected' && dual.reason ? <p className="small danger-text" data-testid="dual-reason">{t('dual.rejectedBecause', { reason: dual.reason })}</p> : null}
        </div>
      ) : (
        <Empty>{t('dual.none')}</Empty>
      )}
      {!me.profile ? null : dual?.status === 'confirmed' ? (
        <p className="muted small">{t('dual.confirmedNote')}</p>
      ) : (
        <div className="card form-card">
          <h3>{dual ? t('dual.resubmit') : t('dual.submit')}</h3>
          <p className="muted small">{t('dual.communityNote', { community: nameIn(lang, community, t('common.dash')) })}</p>
          <FormWithSubmit
            testid="dual-submit"
            check={() => (lengthOk(workUnit) && lengthOk(partyBranch) ? null : t('dual.invalid'))}
            fields={
              <>
                <TextField label={t('dual.workUnit')} value={workUnit} onChange={setWorkUnit} testid="dual-work-unit" maxLength={40} grow />
                <TextField label={t('dual.partyBranch')} value={partyBranch} onChange={setPartyBranch} testid="dual-party-branch" maxLength={40} grow />
              </>
            }
            submit={{ label: dual ? t('dual.resubmit') : t('dual.submit'), work: async () => onChange(await submitDualRegistration({ workUnit: workUnit.trim(), partyBranch: partyBranch.trim() })) }}
          />
        </div>
      )}
    </Section>
  );
};
