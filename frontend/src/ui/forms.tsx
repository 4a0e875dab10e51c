import { useState } from 'react';
import { useI18n } from '../i18n';

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

/** A labelled text input of a form; `testid` names the input. */
export const TextField = ({ label, value, onChange, testid, maxLength = 200, inputMode, grow }: { label: string; value: string; onChange: (v: string) => void; testid: string; maxLength?: number; inputMode?: 'numeric' | 'tel'; grow?: boolean }) => (
  <label className={`field${grow ? ' field-grow' : ''}`}>
    <span className="field-label">{label}</span>
    <input value={value} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} inputMode={inputMode} data-testid={testid} />
  </label>
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
