import { useMemo, useState } from 'react';
import { type Wish, approveWish, rejectWish, reviewQueue } from '../../api/wishes';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { FormWithSubmit, TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { WishButton, WishCard } from './parts';

const ReviewCard = ({ wish, onDone }: { wish: Wish; onDone: (text: string) => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <WishCard wish={wish}>
      <WishButton label={t('wishes.approve')} testid={`wish-approve-${wish.wishId}`} work={() => approveWish(wish.wishId)} onDone={(w) => onDone(t('wishes.approved', { title: w.title }))} />
      <FormWithSubmit
        testid={`wish-reject-${wish.wishId}`}
        check={() => (reason.trim() ? null : t('wishes.reasonRequired'))}
        fields={<TextField label={t('wishes.reason')} value={reason} onChange={setReason} testid={`wish-reason-${wish.wishId}`} maxLength={500} grow />}
        submit={{ label: t('wishes.reject'), danger: true, work: async () => onDone(t('wishes.rejected', { title: (await rejectWish(wish.wishId, reason.trim())).title })) }}
      />
    </WishCard>
  );
};

/** Wishes awaiting review in the grids my organizations serve. */
export const ReviewWishes = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const scopes = useMemo(() => user.scopes.join(','), [user]);
  const list = useResource(async (signal) => (await reviewQueue(signal)).items, [scopes]);
  const [message, setMessage] = useState<string | null>(null);
  const items = list.data ?? [];
  return (
    <Section title={t('wishes.reviewTitle')} subtitle={t('wishes.reviewSubtitle')} actions={<RefreshButton onClick={list.reload} loading={list.loading} testid="wish-review-refresh" />}>
      {message ? (
        <Notice tone="success" testid="wish-review-message">
          {message}
        </Notice>
      ) : null}
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty>{t('wishes.reviewEmpty')}</Empty> : null}
      <ul className="cards">
        {items.map((w) => (
          <ReviewCard
            key={w.wishId}
            wish={w}
            onDone={(text) => {
              setMessage(text);
              list.setData(items.filter((x) => x.wishId !== w.wishId));
              list.reload();
            }}
          />
        ))}
      </ul>
    </Section>
  );
};
