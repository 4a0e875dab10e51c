import { useState } from 'react';
import { type Me, getMe, places } from '../../api/people';
import { refreshSession, signOutEverywhere } from '../../auth/account';
import { maskPhone } from '../../auth/rules';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { ConfirmStep } from '../../ui/forms';
import { useAction, useResource } from '../../ui/hooks';
import { DualRegistrationCard } from './dualRegistration';
import { MyData } from './myData';
import { gridLabel } from './places';
import { ProfileForm } from './ProfileForm';

const ProfileSummary = ({ me }: { me: Me }) => {
  const { t, lang } = useI18n();
  const directory = useResource((signal) => places(signal), []);
  const p = me.profile;
  if (!p) return <Empty>{t('profile.none')}</Empty>;
  const rows: [string, string][] = [
    [t('profile.displayName'), p.displayName],
    [t('profile.realName'), p.realName ?? t('common.dash')],
    [t('profile.idCard'), p.idCard ? t('profile.idCardLast4', { last4: p.idCard.last4 }) : t('common.dash')],
    [t('profile.phone'), me.phone ? maskPhone(me.phone) : t('common.dash')],
    [t('profile.grid'), p.gridId ? gridLabel(directory.data, p.gridId, lang) : t('common.dash')],
    [t('profile.skills'), p.skills.length ? p.skills.join(lang === 'zh' ? '、' : ', ') : t('common.dash')],
    [t('profile.availability'), p.availability.length ? p.availability.map((a) => t(`availability.${a}`)).join(lang === 'zh' ? '、' : ', ') : t('common.dash')],
  ];
  return (
    <dl className="facts" data-testid="profile-summary">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
};

/** 我的资料: the profile, 双报到, my data and account closure, and signing out on every device. */
export const MyProfile = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const me = useResource((signal) => getMe(signal), []);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const everywhere = useAction();

  const onSaved = async (next: Me) => {
    me.setData(next);
    setEditing(false);
    setSaved(true);
    // The name and home grid travel in the token: a new one carries them.
    await refreshSession().catch(() => undefined);
  };

  return (
    <>
      <Section title={t('profile.title')} actions={<RefreshButton onClick={me.reload} loading={me.loading} testid="profile-refresh" />} testid="my-profile">
        <ErrorNotice error={me.error} />
        {me.loading && !me.data ? <Loading /> : null}
        {saved ? <Notice tone="success" testid="profile-saved">{t('profile.saved')}</Notice> : null}
        {me.data ? (
          editing ? (
            <>
              <ProfileForm initial={me.data.profile} defaultName={user.name} submitLabel={t('profile.save')} onSaved={onSaved} />
              <div className="button-row">
                <button type="button" className="btn btn-quiet" onClick={() => setEditing(false)} data-testid="profile-cancel">
                  {t('profile.cancel')}
                </button>
              </div>
            </>
          ) : (
            <>
              <ProfileSummary me={me.data} />
              <div className="button-row">
                <button type="button" className="btn btn-secondary" onClick={() => (setSaved(false), setEditing(true))} data-testid="profile-edit">
                  {t('profile.edit')}
                </button>
              </div>
            </>
          )
        ) : null}
      </Section>
      {me.data ? <DualRegistrationCard me={me.data} onChange={me.setData} /> : null}
      <MyData user={user} />
      <Section title={t('signOutEverywhere.title')} subtitle={t('signOutEverywhere.subtitle')} testid="sign-out-everywhere">
        <ConfirmStep
          label={t('header.logoutEverywhere')}
          question={t('signOutEverywhere.question')}
          yes={t('header.logoutEverywhere')}
          onConfirm={() => void everywhere.run(signOutEverywhere)}
          busy={everywhere.busy}
          testid="logout-everywhere"
        />
        <ErrorNotice error={everywhere.error} testid="logout-everywhere-error" />
      </Section>
    </>
  );
};
