import { useState } from 'react';
import { ApiError } from '../../api/errors';
import type { Ending } from '../../api/session';
import { isLocalStage, missingAuthSettings } from '../../auth/config';
import { type MessageKey, useI18n } from '../../i18n';
import { ErrorNotice, Notice } from '../../ui/components';
import { DemoPeople } from './DemoPeople';
import { PUBLIC_TRANSPARENCY_PATH } from '../admin/transparency';
import { DEV_MESSAGES_PATH } from './DevMessages';
import { ForgotForm } from './Forgot';
import { SignInForm } from './SignIn';
import { ConfirmForm, SignUpForm } from './SignUp';

type Mode = 'signin' | 'signup' | 'forgot';
const MODES: { mode: Mode; label: MessageKey }[] = [
  { mode: 'signin', label: 'auth.tabSignIn' },
  { mode: 'signup', label: 'auth.tabSignUp' },
  { mode: 'forgot', label: 'auth.tabForgot' },
];

/** A number awaiting its SMS code, and the password that signs in once it is confirmed. */
interface Confirming {
  phone: string;
  password: string;
  sendFirst: boolean;
}

/**
 * Sign in, sign up (with the SMS code step) or reset a forgotten password; the number typed
 * is kept across the three. On the local stage the demo people and the SMS dev box are here too.
 */
export const Login = ({ ended }: { ended: Ending | null }) => {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('signin');
  const [phone, setPhone] = useState('');
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const open = (next: Mode) => {
    setMode(next);
    setConfirming(null);
  };

  return (
    <div className="login">
      <div className="login-intro">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.hint')}</p>
      </div>
      {ended === 'expired' ? <ErrorNotice error={new ApiError(401, 'UNAUTHORIZED', '')} testid="session-expired" /> : null}
      {ended === 'closed' ? <Notice tone="info" testid="account-closed">{t('login.closed')}</Notice> : null}
      {missingAuthSettings.length ? <ErrorNotice error={new Error(t('login.notConfigured', { names: missingAuthSettings.join(', ') }))} testid="auth-not-configured" /> : null}

      <div className="card auth-card">
        <div className="filter">
          {MODES.map(({ mode: m, label }) => (
            <button key={m} type="button" aria-pressed={mode === m} className={`chip${mode === m ? ' chip-active' : ''}`} onClick={() => open(m)} data-testid={`auth-tab-${m}`}>
              {t(label)}
            </button>
          ))}
          <a className="chip" href={PUBLIC_TRANSPARENCY_PATH} data-testid="public-transparency-link">
            {t('transparency.publicLink')}
          </a>
          {isLocalStage ? (
            <a className="chip" href={DEV_MESSAGES_PATH} target="_blank" rel="noreferrer" data-testid="dev-box-link">
              {t('devBox.link')}
            </a>
          ) : null}
        </div>
        {confirming ? (
          <ConfirmForm key={confirming.phone} {...confirming} />
        ) : mode === 'signin' ? (
          <SignInForm phone={phone} setPhone={setPhone} onUnconfirmed={(e164, password) => setConfirming({ phone: e164, password, sendFirst: true })} />
        ) : mode === 'signup' ? (
          <SignUpForm phone={phone} setPhone={setPhone} onSent={(e164, password) => setConfirming({ phone: e164, password, sendFirst: false })} />
        ) : (
          <ForgotForm phone={phone} setPhone={setPhone} />
        )}
      </div>

      {isLocalStage ? <DemoPeople /> : null}
    </div>
  );
};
