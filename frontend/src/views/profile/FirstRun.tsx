import { type Me, getMe } from '../../api/people';
import type { User } from '../../api/session';
import { refreshSession } from '../../auth/account';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading, Section } from '../../ui/components';
import { type Resource, useResource } from '../../ui/hooks';
import { PrivacyNotice } from './PrivacyNotice';
import { ProfileForm } from './ProfileForm';

/** Signed in but not yet through the first run: the notice in force is not accepted, or there is no profile. */
export const needsFirstRun = (me: Me): boolean => !me.privacyNotice.acceptedAt || !me.profile;

export interface FirstRunGate {
  /** true once the person may use the app: notice accepted and profile saved. */
  passed: boolean;
  /** The signed-in person's record, once loaded (never the previous person's). */
  me: Me | undefined;
  resource: Resource<Me | null>;
}

/** The person's record, once per sign-in (not on every token refresh): does the first run come before the app? */
export const useFirstRunGate = (userId: string | undefined): FirstRunGate => {
  const resource = useResource((signal) => (userId ? getMe(signal) : Promise.resolve(null)), [userId]);
  const me = resource.data && resource.data.personId === userId ? resource.data : undefined;
  return { passed: !!me && !needsFirstRun(me), me, resource };
};

/**
 * The first run: accept the privacy notice, then save a profile. The new profile changes the
 * token's claims (name, home grid), so the token is refreshed before the app opens.
 */
export const FirstRun = ({ gate, user }: { gate: FirstRunGate; user: User }) => {
  const { t } = useI18n();
  const { me, resource } = gate;
  const saved = async (next: Me) => {
    // Unreachable pool: the app opens with the old claims; the next refresh brings the new ones.
    await refreshSession().catch(() => undefined);
    resource.setData(next);
  };

  if (!me) {
    return (
      <Section title={t('firstRun.checking')}>
        {resource.loading ? <Loading /> : null}
        <ErrorNotice error={resource.error} testid="first-run-error" />
        {resource.error && !resource.loading ? (
          <button type="button" className="btn" onClick={resource.reload} data-testid="first-run-retry">
            {t('common.retry')}
          </button>
        ) : null}
      </Section>
    );
  }
  if (!me.privacyNotice.acceptedAt) return <PrivacyNotice version={me.privacyNotice.version} onAccepted={resource.setData} />;
  return (
    <Section title={t('firstRun.profileTitle')} subtitle={t('firstRun.profileSubtitle')} testid="first-run-profile">
      <ProfileForm initial={me.profile} defaultName={user.name} submitLabel={t('firstRun.start')} onSaved={saved} />
    </Section>
  );
};
