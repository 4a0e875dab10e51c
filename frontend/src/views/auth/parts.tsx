import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n';
import { ErrorNotice, LocalError } from '../../ui/components';
import { TextField } from '../../ui/forms';
import { useAction } from '../../ui/hooks';

/**
 * A sign-in/up form: Enter submits, `check` refuses before anything is sent (a message, or
 * null when all is well), then `work` runs with its busy state and error shown under it.
 */
export const AuthForm = ({ testid, submitLabel, check, work, children, extra }: { testid: string; submitLabel: string; check: () => string | null; work: () => Promise<unknown>; children: ReactNode; extra?: ReactNode }) => {
  const { t } = useI18n();
  const action = useAction();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setProblem(found);
    if (!found) void action.run(work);
  };
  return (
    <form className="auth-form" onSubmit={submit} noValidate data-testid={testid}>
      {children}
      <div className="button-row">
        <button type="submit" className="btn btn-primary btn-large" disabled={action.busy} data-testid={`${testid}-submit`}>
          {action.busy ? t('common.working') : submitLabel}
        </button>
        {extra}
      </div>
      <LocalError message={problem} testid={`${testid}-local-error`} />
      <ErrorNotice error={action.error} testid={`${testid}-error`} />
    </form>
  );
};

/** The mobile number as the person types it (11 digits; +86 is implied). */
export const PhoneField = ({ value, onChange, testid }: { value: string; onChange: (v: string) => void; testid: string }) => {
  const { t } = useI18n();
  return (
    <TextField
      label={`${t('auth.phone')} (+86)`}
      value={value}
      onChange={onChange}
      testid={testid}
      maxLength={16}
      inputMode="tel"
      autoComplete="tel-national"
      placeholder={t('auth.phonePlaceholder')}
    />
  );
};

/** A password; `fresh` for one being chosen (the browser may suggest one, the rule is shown). */
export const PasswordField = ({ value, onChange, testid, fresh, label }: { value: string; onChange: (v: string) => void; testid: string; fresh?: boolean; label?: string }) => {
  const { t } = useI18n();
  return (
    <TextField
      label={label ?? t('auth.password')}
      value={value}
      onChange={onChange}
      testid={testid}
      maxLength={256}
      type="password"
      autoComplete={fresh ? 'new-password' : 'current-password'}
      {...(fresh ? { hint: t('auth.passwordHint') } : {})}
    />
  );
};
