import { useMemo, useState } from 'react';
import { allActivities } from '../../api/activities';
import { type User, scopeIds } from '../../api/session';
import { type Wish, approveWish, listWishes, rejectWish } from '../../api/wishes';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { FormWithSubmit, WishButton, WishCard } from './parts';

/**
 * The API has no "grids of my organization" call: the communities to review are those where
 * my organizations run activities, plus my own grid's community through `gridId`.
 */
const reviewScopes = async (user: User, signal: AbortSignal) => {
  const activities = (await Promise.all(scopeIds(user, 'org').map((orgId) => allActivities(signal, orgId)))).flat();
  const communityIds = [...new Set(activities.map((a) => a.communityId))];
  const lists = await Promise.all([
    ...communityIds.map((communityId) => listWishes({ communityId, status: 'pending_review' }, signal)),
    ...(user.gridId ? [listWishes({ gridId: user.gridId, status: 'pending_review' }, signal)] : []),
  ]);
  const byId = new Map(lists.flatMap((l) => l.items).map((w) => [w.wishId, w]));
  return [...byId.values()];
};

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

export const ReviewWishes = ({ user }: ViewProps) => {
  const { t } = useI18n();
  const scopes = useMemo(() => user.scopes.join(','), [user]);
  const list = useResource((signal) => reviewScopes(user, signal), [scopes, user.gridId]);
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
