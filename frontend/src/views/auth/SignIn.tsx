import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { signIn } from '../../auth/account';
import { toE164 } from '../../auth/rules';
import { useI18n } from '../../i18n';
import { AuthForm, PasswordField, PhoneField } from './parts';

/** Phone and password; a number that was never confirmed goes on to the SMS code step. */
export const SignInForm = ({ phone, setPhone, onUnconfirmed }: { phone: string; setPhone: (v: string) => void; onUnconfirmed: (e164: string, password: string) => void }) => {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const e164 = toE164(phone);
  return (
    <AuthForm
      testid="signin"
      submitLabel={t('auth.signIn')}
      check={() => (!e164 ? t('auth.phoneInvalid') : !password ? t('auth.passwordRequired') : null)}
      work={async () => {
        try {
          await signIn(e164!, password);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'AUTH_NOT_CONFIRMED') return onUnconfirmed(e164!, password);
          throw error;
        }
      }}
    >
      <PhoneField value={phone} onChange={setPhone} testid="signin-phone" />
      <PasswordField value={password} onChange={setPassword} testid="signin-password" />
    </AuthForm>
  );
};
