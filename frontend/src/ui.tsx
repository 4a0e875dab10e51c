import { type DependencyList, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type HourStatus, type RedemptionStatus, type WishStatus } from './api';
import { type MessageKey, isMessageKey, useI18n } from './i18n';

// ---- Hooks ----------------------------------------------------------------------------

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Load on mount and whenever `deps` change; `reload()` refetches while keeping the old data shown. */
export const useResource = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
};

/** Call `fn` every `ms` while `enabled` (and the page is visible). */
export const useInterval = (fn: () => void, ms: number, enabled = true): void => {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!enabled) return;
    const id = setInterval(() => {
      if (document.visibilityState !== 'hidden') ref.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms, enabled]);
};

/** The current time, refreshed every `ms`. */
export const useNow = (ms = 1000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
};

/** One button's worth of async work: busy flag, last error, and a guard against double clicks. */
export const useAction = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(async <R,>(work: () => Promise<R>): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
};

// ---- Components -----------------------------------------------------------------------

export const Section = ({ title, subtitle, actions, children, testid }: { title: string; subtitle?: string; actions?: ReactNode; children: ReactNode; testid?: string }) => (
  <section className="section" data-testid={testid}>
    <header className="section-head">
      <div>
        <h2>{title}</h2>
        {subtitle ? <p className="muted">{subtitle}</p> : null}
      </div>
      {actions ? <div className="section-actions">{actions}</div> : null}
    </header>
    {children}
  </section>
);

export const RefreshButton = ({ onClick, loading, testid }: { onClick: () => void; loading?: boolean; testid?: string }) => {
  const { t } = useI18n();
  return (
    <button type="button" className="btn btn-quiet" onClick={onClick} disabled={loading} data-testid={testid}>
      <span className={loading ? 'spin' : undefined} aria-hidden>
        ↻
      </span>{' '}
      {t('common.refresh')}
    </button>
  );
};

export const Loading = () => {
  const { t } = useI18n();
  return <p className="muted loading">{t('common.loading')}</p>;
};

export const Empty = ({ children }: { children: ReactNode }) => <p className="empty">{children}</p>;

export type Tone = 'neutral' | 'info' | 'warn' | 'success' | 'danger' | 'accent';

export const Badge = ({ tone = 'neutral', children, testid, title }: { tone?: Tone; children: ReactNode; testid?: string; title?: string }) => (
  <span className={`badge badge-${tone}`} data-testid={testid} title={title}>
    {children}
  </span>
);

const hourTone: Record<HourStatus, Tone> = { checked_in: 'info', checked_out: 'warn', verified: 'success', rejected: 'danger' };
const redemptionTone: Record<RedemptionStatus, Tone> = { pending: 'info', held: 'accent', confirmed: 'info', completed: 'success', failed: 'danger', expired: 'neutral' };

const wishTone: Record<WishStatus, Tone> = { pending_review: 'info', open: 'accent', rejected: 'danger', claimed: 'info', fulfilled: 'warn', confirmed: 'success' };

/** A translated status; `data-status` carries the raw value for tests and styling. */
export const StatusBadge = ({ kind, status, testid }: { kind: 'hour' | 'redemption' | 'claim' | 'wish'; status: string; testid?: string }) => {
  const { t } = useI18n();
  const key = `${kind}Status.${status}`;
  const tone =
    kind === 'hour' ? hourTone[status as HourStatus] : kind === 'redemption' ? redemptionTone[status as RedemptionStatus] : kind === 'wish' ? wishTone[status as WishStatus] : 'success';
  return (
    <span className={`badge badge-${tone ?? 'neutral'}`} data-testid={testid} data-status={status}>
      {isMessageKey(key) ? t(key) : status}
    </span>
  );
};

export const Figure = ({ label, value, testid, emphasis }: { label: string; value: ReactNode; testid?: string; emphasis?: boolean }) => (
  <div className={`figure${emphasis ? ' figure-main' : ''}`}>
    <div className="figure-value" data-testid={testid}>
      {value}
    </div>
    <div className="figure-label">{label}</div>
  </div>
);

export const Notice = ({ tone, children, testid }: { tone: 'success' | 'info' | 'warn'; children: ReactNode; testid?: string }) => (
  <div className={`notice notice-${tone}`} role="status" data-testid={testid}>
    {children}
  </div>
);

/** An error in the user's language: a known code is translated, an unknown one shows the server's message. */
export const describeError = (error: unknown, t: (key: MessageKey) => string): { text: string; fields: [string, string][] } => {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    const text = isMessageKey(key) ? t(key) : error.message || error.code;
    const fields = Object.entries(error.fields ?? {}).map(([name, message]): [string, string] => {
      const fieldKey = `field.${name}`;
      return [isMessageKey(fieldKey) ? t(fieldKey) : name, message];
    });
    return { text, fields };
  }
  if (error instanceof Error) return { text: error.message, fields: [] };
  return { text: String(error), fields: [] };
};

export const ErrorNotice = ({ error, testid = 'error' }: { error: unknown; testid?: string }) => {
  const { t } = useI18n();
  if (!error) return null;
  const { text, fields } = describeError(error, t);
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="notice notice-error" role="alert" data-testid={testid} data-code={code}>
      <strong>{text}</strong>
      {fields.length ? (
        <ul className="error-fields" aria-label={t('error.fieldsLabel')}>
          {fields.map(([name, message]) => (
            <li key={name}>
              <span className="field-name">{name}</span>: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

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
