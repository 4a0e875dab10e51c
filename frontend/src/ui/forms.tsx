import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n';
import { ErrorNotice, LocalError } from './components';
import { useAction } from './hooks';

/** A one-time code, big enough to read across a counter or a room. */
export const BigCode = ({ code, testid, expired }: { code: string; testid?: string; expired?: boolean }) => (
  <div className={`big-code${expired ? ' big-code-expired' : ''}`} data-testid={testid} aria-label={code.split('').join(' ')}>
    {code}
  </div>
);

/**
 * A button whose action needs a second, explicit click: the first shows the question with
 * "yes" and "no", so an irreversible step (cancelling a claim) is never one slip away.
 */
export const ConfirmStep = ({ label, question, yes, onConfirm, busy, testid }: { label: string; question: string; yes: string; onConfirm: () => void; busy?: boolean; testid: string }) => {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setAsking(true)} disabled={busy} data-testid={testid}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-step" role="group" data-testid={`${testid}-confirm`}>
      <span className="small">{question}</span>{' '}
      <button type="button" className="btn btn-small btn-primary" onClick={() => (setAsking(false), onConfirm())} disabled={busy} data-testid={`${testid}-yes`}>
        {yes}
      </button>{' '}
      <button type="button" className="btn btn-small btn-quiet" onClick={() => setAsking(false)} data-testid={`${testid}-no`}>
        {t('common.no')}
      </button>
    </span>
  );
};

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testid: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'decimal' | 'tel';
  grow?: boolean;
  /** datetime-local: the value is a wall-clock time ("2025-06-03T09:00"), with the browser's date-time picker. */
  type?: 'text' | 'password' | 'datetime-local';
  autoComplete?: string;
  placeholder?: string;
  /** A hint under the input (format, what happens to the value). */
  hint?: string;
}

/** A labelled text input of a form; `testid` names the input. */
export const TextField = ({ label, value, onChange, testid, maxLength = 200, inputMode, grow, type = 'text', autoComplete, placeholder, hint }: TextFieldProps) => (
  <label className={`field${grow ? ' field-grow' : ''}`}>
    <span className="field-label">{label}</span>
    <input
      type={type}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={maxLength}
      inputMode={inputMode}
      autoComplete={autoComplete}
      placeholder={placeholder}
      data-testid={testid}
    />
    {hint ? <span className="field-hint">{hint}</span> : null}
  </label>
);

/** A labelled choice of one option; with a `placeholder`, the empty value shows it (without, a value is always chosen). */
export const SelectField = ({ label, value, onChange, options, testid, placeholder, grow, hint }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; testid: string; placeholder?: string; grow?: boolean; hint?: string }) => (
  <label className={`field${grow ? ' field-grow' : ''}`}>
    <span className="field-label">{label}</span>
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testid}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
    {hint ? <span className="field-hint">{hint}</span> : null}
  </label>
);

/** A labelled text of several lines; `testid` names the textarea. */
export const TextAreaField = ({ label, value, onChange, testid, maxLength, rows = 3 }: { label: string; value: string; onChange: (v: string) => void; testid: string; maxLength: number; rows?: number }) => (
  <label className="field">
    <span className="field-label">{label}</span>
    <textarea value={value} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} rows={rows} data-testid={testid} />
  </label>
);

/** A labelled set of checkboxes; `value` holds the checked options. */
export const CheckboxGroup = <V extends string>({ label, options, value, onChange, testid }: { label: string; options: { value: V; label: string }[]; value: V[]; onChange: (v: V[]) => void; testid: string }) => (
  <fieldset className="field checks" data-testid={testid}>
    <legend className="field-label">{label}</legend>
    {options.map((o) => (
      <label key={o.value} className="check">
        <input
          type="checkbox"
          checked={value.includes(o.value)}
          onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          data-testid={`${testid}-${o.value}`}
        />{' '}
        {o.label}
      </label>
    ))}
  </fieldset>
);

/** A one-time code of `digits` digits: the numeric keypad on a phone, Enter submits. */
export const CodeInput = ({ value, onChange, digits, label, testid, onEnter }: { value: string; onChange: (v: string) => void; digits: number; label: string; testid: string; onEnter?: () => void }) => (
  <label className="code-field">
    <span className="field-label">{label}</span>
    <input
      className="code-input"
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, digits))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onEnter) onEnter();
      }}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern={`\\d{${digits}}`}
      maxLength={digits}
      placeholder={'0'.repeat(digits)}
      aria-label={label}
      data-testid={testid}
    />
  </label>
);

/** A text input plus a button whose work needs that text; `check` returns a message when it is not usable. */
export const FormWithSubmit = ({ fields, submit, testid, check }: { fields: ReactNode; submit: { label: string; work: () => Promise<unknown>; danger?: boolean }; testid: string; check: () => string | null }) => {
  const { t } = useI18n();
  const action = useAction();
  const [localError, setLocalError] = useState<string | null>(null);
  const click = () => {
    const problem = check();
    setLocalError(problem);
    if (!problem) void action.run(submit.work);
  };
  return (
    <div className="pending-form">
      {fields}
      <button type="button" className={`btn ${submit.danger ? 'btn-danger-outline' : 'btn-primary'}`} onClick={click} disabled={action.busy} data-testid={testid}>
        {action.busy ? t('common.working') : submit.label}
      </button>
      <LocalError message={localError} testid={`${testid}-local-error`} />
      <ErrorNotice error={action.error} testid={`${testid}-error`} />
    </div>
  );
};

/** One button whose work moves something on (claim, confirm, approve), with its error under it. */
export const ActionButton = <T,>({ label, testid, work, onDone, primary = true }: { label: string; testid: string; work: () => Promise<T>; onDone: (result: T) => void; primary?: boolean }) => {
  const { t } = useI18n();
  const action = useAction();
  const click = () =>
    void action.run(async () => {
      onDone(await work());
    });
  return (
    <>
      <div className="button-row">
        <button type="button" className={`btn ${primary ? 'btn-primary' : 'btn-secondary'}`} onClick={click} disabled={action.busy} data-testid={testid}>
          {action.busy ? t('common.working') : label}
        </button>
      </div>
      <ErrorNotice error={action.error} testid={`${testid}-error`} />
    </>
  );
};
