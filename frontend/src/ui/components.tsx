import type { ReactNode } from 'react';
import { ApiError } from '../api/errors';
import type { HourStatus } from '../api/hours';
import type { RedemptionStatus } from '../api/rewards';
import type { WishStatus } from '../api/wishes';
import { type MessageKey, isMessageKey, useI18n } from '../i18n';

/** The building blocks every screen shares: sections, badges, figures, notices, errors. */
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

/**
 * A field the API names, in the user's language: "shifts.0.endsAt" → "班次 1 · 结束时间"
 * (each part translated, list positions counted from 1); an unknown part stays as sent.
 */
export const fieldLabel = (name: string, t: (key: MessageKey) => string): string => {
  const whole = `field.${name}`;
  if (isMessageKey(whole)) return t(whole);
  return name.split('.').reduce((label, part) => {
    if (/^\d+$/.test(part)) return `${label} ${Number(part) + 1}`;
    const key = `field.${part}`;
    const text = isMessageKey(key) ? t(key) : part;
    return label ? `${label} · ${text}` : text;
  }, '');
};

/** An error in the user's language: a known code is translated, an unknown one shows the server's message. */
export const describeError = (error: unknown, t: (key: MessageKey) => string): { text: string; fields: { name: string; label: string; message: string }[] } => {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    const text = isMessageKey(key) ? t(key) : error.message || error.code;
    const fields = Object.entries(error.fields ?? {}).map(([name, message]) => ({ name, label: fieldLabel(name, t), message }));
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
          {fields.map(({ name, label, message }) => (
            <li key={name} data-field={name}>
              <span className="field-name">{label}</span>: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

/** A form's own refusal (checked before anything is sent), styled like an API error. */
export const LocalError = ({ message, testid }: { message: string | null; testid: string }) =>
  message ? (
    <div className="notice notice-error" role="alert" data-testid={testid}>
      {message}
    </div>
  ) : null;
