import { type ReactNode, useState } from 'react';
import type { Wish } from '../../api/wishes';
import { useI18n } from '../../i18n';
import { ErrorNotice, LocalError, StatusBadge } from '../../ui/components';
import { useAction } from '../../ui/hooks';

/** A wish with its status and contact; `children` are what the viewer may do with it. */
export const WishCard = ({ wish, children }: { wish: Wish; children?: ReactNode }) => {
  const { t } = useI18n();
  return (
    <li className="card" data-testid={`wish-${wish.wishId}`} data-wish-id={wish.wishId} data-title={wish.title}>
      <div className="activity-head">
        <h3 className="activity-title">{wish.title}</h3>
        <StatusBadge kind="wish" status={wish.status} testid={`wish-status-${wish.wishId}`} />
      </div>
      {wish.description ? <p className="activity-desc">{wish.description}</p> : null}
      {/* Address and contact come only to the poster, the claimant and vetters. */}
      {wish.address ? <p className="activity-address">{wish.address}</p> : null}
      {wish.contactName ? <p className="muted small">{t('wishes.contact', { name: wish.contactName, phone: wish.contactPhone ?? '' })}</p> : null}
      {wish.fulfilNote ? <p className="small">{t('wishes.fulfilNote', { note: wish.fulfilNote, minutes: wish.minutes ?? 0 })}</p> : null}
      {wish.rejectReason ? <p className="small danger-text">{t('wishes.rejectReason', { reason: wish.rejectReason })}</p> : null}
      {children}
    </li>
  );
};

/** One button that moves a wish on (claim, confirm, approve), with its error under it. */
export const WishButton = ({ label, testid, work, onDone, primary = true }: { label: string; testid: string; work: () => Promise<Wish>; onDone: (wish: Wish) => void; primary?: boolean }) => {
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
