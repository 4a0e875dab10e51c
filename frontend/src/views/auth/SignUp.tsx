import { useEffect, useState } from 'react';
import { signIn } from '../../auth/account';
import { confirmSignUp, resendCode, signUp } from '../../auth/cognito';
import { isLocalStage } from '../../auth/config';
import { SMS_CODE_DIGITS, maskPhone, passwordOk, toE164 } from '../../auth/rules';
import { useI18n } from '../../i18n';
import { ErrorNotice, Notice } from '../../ui/components';
import { CodeInput, TextField } from '../../ui/forms';
import { useAction } from '../../ui/hooks';
import { DEV_MESSAGES_PATH } from './DevMessages';
import { AuthForm, PasswordField, PhoneField } from './parts';

/** A new login: number, password and display name; Cognito then sends an SMS code. */
export const SignUpForm = ({ phone, setPhone, onSent }: { phone: string; setPhone: (v: string) => void; onSent: (e164: string, password: string) => void }) => {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const e164 = toE164(phone);
  const displayName = name.trim();
  return (
    <AuthForm
      testid="signup"
      submitLabel={t('auth.signUp')}
      check={() =>
        !e164 ? t('auth.phoneInvalid') : !passwordOk(password) ? t('auth.passwordInvalid') : !displayName || displayName.length > 20 ? t('auth.nameInvalid') : null
      }
      work={async () => {
        await signUp(e164!, password, displayName);
        onSent(e164!, password);
      }}
    >
      <PhoneField value={phone} onChange={setPhone} testid="signup-phone" />
      <PasswordField value={password} onChange={setPassword} testid="signup-password" fresh />
      <TextField label={t('auth.name')} value={name} onChange={setName} testid="signup-name" maxLength={20} autoComplete="nickname" hint={t('auth.nameHint')} />
    </AuthForm>
  );
};

/** The local stage sends no SMS: the codes are in the dev box, opened beside the form. */
export const DevBoxHint = () => {
  const { t } = useI18n();
  if (!isLocalStage) return null;
  return (
    <p className="muted small">
      {t('auth.devBoxHint')}{' '}
      <a href={DEV_MESSAGES_PATH} target="_blank" rel="noreferrer" data-testid="dev-box-hint-link">
        {t('devBox.link')}
      </a>
    </p>
  );
};

/**
 * The SMS code that confirms a new number; the person is then signed in with the password
 * they just chose or typed. `sendFirst` asks for a code first (a sign-in never sends one).
 */
export const ConfirmForm = ({ phone, password, sendFirst }: { phone: string; password: string; sendFirst: boolean }) => {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const resend = useAction();
  const [resent, setResent] = useState(false);
  const again = () => void resend.run(async () => (await resendCode(phone), setResent(true)));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => (sendFirst ? again() : undefined), []);

  return (
    <AuthForm
      testid="confirm-signup"
      submitLabel={t('auth.confirm')}
      check={() => (code.length === SMS_CODE_DIGITS ? null : t('auth.codeInvalid'))}
      work={async () => {
        await confirmSignUp(phone, code);
        await signIn(phone, password);
      }}
      extra={
        <button type="button" className="btn btn-quiet" onClick={again} disabled={resend.busy} data-testid="confirm-signup-resend">
          {t('auth.resend')}
        </button>
      }
    >
      <h2 className="auth-step">{t('auth.confirmTitle')}</h2>
      <p className="muted">{t('auth.codeSent', { phone: maskPhone(phone) })}</p>
      <DevBoxHint />
      <CodeInput value={code} onChange={setCode} digits={SMS_CODE_DIGITS} label={t('auth.code')} testid="confirm-signup-code" />
      {resent ? <Notice tone="info" testid="confirm-signup-resent">{t('auth.resent')}</Notice> : null}
      <ErrorNotice error={resend.error} testid="confirm-signup-resend-error" />
    </AuthForm>
  );
};
