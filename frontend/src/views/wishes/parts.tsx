import type { ReactNode } from 'react';
import type { Wish } from '../../api/wishes';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/components';
import { ActionButton } from '../../ui/forms';

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
export const WishButton = ActionButton<Wish>;
