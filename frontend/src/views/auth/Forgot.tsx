import { useState } from 'react';
import { signIn } from '../../auth/account';
import { confirmForgotPassword, forgotPassword } from '../../auth/cognito';
import { SMS_CODE_DIGITS, maskPhone, passwordOk, toE164 } from '../../auth/rules';
import { useI18n } from '../../i18n';
import { CodeInput } from '../../ui/forms';
import { AuthForm, PasswordField, PhoneField } from './parts';
import { DevBoxHint } from './SignUp';

/** Forgotten password: the number gets an SMS code, the code and a new password sign the person in. */
export const ForgotForm = ({ phone, setPhone }: { phone: string; setPhone: (v: string) => void }) => {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const e164 = toE164(phone);

  if (!sentTo) {
    return (
      <AuthForm
        testid="forgot"
        submitLabel={t('auth.sendResetCode')}
        check={() => (e164 ? null : t('auth.phoneInvalid'))}
        work={async () => {
          await forgotPassword(e164!);
          setSentTo(e164);
        }}
      >
        <PhoneField value={phone} onChange={setPhone} testid="forgot-phone" />
      </AuthForm>
    );
  }
  return (
    <AuthForm
      testid="reset"
      submitLabel={t('auth.resetPassword')}
      check={() => (code.length !== SMS_CODE_DIGITS ? t('auth.codeInvalid') : !passwordOk(password) ? t('auth.passwordInvalid') : null)}
      work={async () => {
        await confirmForgotPassword(sentTo, code, password);
        await signIn(sentTo, password);
      }}
      extra={
        <button type="button" className="btn btn-quiet" onClick={() => setSentTo(null)} data-testid="reset-back">
          {t('auth.back')}
        </button>
      }
    >
      <p className="muted">{t('auth.codeSent', { phone: maskPhone(sentTo) })}</p>
      <DevBoxHint />
      <CodeInput value={code} onChange={setCode} digits={SMS_CODE_DIGITS} label={t('auth.code')} testid="reset-code" />
      <PasswordField value={password} onChange={setPassword} testid="reset-password" fresh label={t('auth.newPassword')} />
    </AuthForm>
  );
};
