import { useState } from 'react';
import { scopeIds } from '../../api/session';
import { type NewWish, type Wish, type WishStatus, claimWish, confirmWish, fulfilWish, listWishes, postWish } from '../../api/wishes';
import { useI18n } from '../../i18n';
import type { ViewProps } from '../../navigation';
import { Empty, ErrorNotice, Loading, Notice, RefreshButton, Section } from '../../ui/components';
import { FormWithSubmit, TextField } from '../../ui/forms';
import { useResource } from '../../ui/hooks';
import { WishButton, WishCard } from './parts';

const EMPTY_WISH = { title: '', description: '', address: '', contactName: '', contactPhone: '' };

const PostWishForm = ({ gridId, onPosted }: { gridId: string; onPosted: (wish: Wish) => void }) => {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY_WISH);
  const field = (name: keyof typeof EMPTY_WISH, label: string, extra: { maxLength?: number; inputMode?: 'tel' } = {}) => (
    <TextField label={label} value={form[name]} onChange={(v) => setForm((f) => ({ ...f, [name]: v }))} testid={`wish-form-${name}`} grow {...extra} />
  );
  const body: NewWish = { ...form, gridId };
  return (
    <div className="card form-card wish-form" data-testid="wish-form">
      <h3>{t('wishes.post')}</h3>
      <FormWithSubmit
        testid="wish-form-submit"
        check={() => (['title', 'address', 'contactName', 'contactPhone'].some((k) => !form[k as keyof typeof EMPTY_WISH].trim()) ? t('wishes.required') : null)}
        fields={
          <>
            {field('title', t('wishes.fieldTitle'), { maxLength: 60 })}
            {field('description', t('wishes.fieldDescription'), { maxLength: 500 })}
            {field('address', t('wishes.fieldAddress'))}
            {field('contactName', t('wishes.fieldContactName'), { maxLength: 40 })}
            {field('contactPhone', t('wishes.fieldContactPhone'), { maxLength: 20, inputMode: 'tel' })}
          </>
        }
        submit={{
          label: t('wishes.post'),
          work: async () => {
            onPosted(await postWish(body));
            setForm(EMPTY_WISH);
          },
        }}
      />
    </div>
  );
};

const FulfilForm = ({ wish, onDone }: { wish: Wish; onDone: (wish: Wish) => void }) => {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('');
  const n = Number(minutes);
  return (
    <FormWithSubmit
      testid={`wish-fulfil-${wish.wishId}`}
      check={() => (note.trim() && Number.isInteger(n) && n >= 1 && n <= 480 ? null : t('wishes.fulfilInvalid'))}
      fields={
        <>
          <TextField label={t('wishes.note')} value={note} onChange={setNote} testid={`wish-note-${wish.wishId}`} maxLength={500} grow />
          <TextField label={t('wishes.minutes')} value={minutes} onChange={setMinutes} testid={`wish-minutes-${wish.wishId}`} maxLength={3} inputMode="numeric" />
        </>
      }
      submit={{ label: t('wishes.fulfil'), work: async () => onDone(await fulfilWish(wish.wishId, { note: note.trim(), minutes: n })) }}
    />
  );
};

/** The statuses in which a wish is still "mine" to follow (the list call takes one status at a time). */
const MY_STATUSES: WishStatus[] = ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected'];

/** Residents post wishes for their grid; volunteers claim, fulfil, and the poster confirms. */
export const Wishes = ({ user }: ViewProps) => {
  const { t } = useI18n();
  // Wishes are per grid: the signed-in person's home grid, from their ID token's claims.
  const gridId = user.gridId ?? scopeIds(user, 'grid')[0];
  const [message, setMessage] = useState<string | null>(null);
  const all = useResource(async (signal) => {
    if (!gridId) return [];
    const lists = await Promise.all(MY_STATUSES.map((status) => listWishes({ gridId, status }, signal)));
    return lists.flatMap((l) => l.items);
  }, [gridId]);
  const items = all.data ?? [];
  const open = items.filter((w) => w.status === 'open' && w.postedBy !== user.userId);
  const mine = items.filter((w) => w.postedBy === user.userId || w.claimedBy === user.userId);

  const done = (key: 'wishes.posted' | 'wishes.claimed') => (wish: Wish) => {
    setMessage(t(key, { title: wish.title }));
    all.reload();
  };

  if (!gridId) return <Section title={t('wishes.title')}><Empty>{t('wishes.noGrid')}</Empty></Section>;

  return (
    <Section title={t('wishes.title')} subtitle={t('wishes.subtitle')} actions={<RefreshButton onClick={all.reload} loading={all.loading} testid="wishes-refresh" />}>
      {message ? (
        <Notice tone="success" testid="wish-message">
          {message}
        </Notice>
      ) : null}
      <ErrorNotice error={all.error} />
      <PostWishForm gridId={gridId} onPosted={done('wishes.posted')} />
      {all.loading && !all.data ? <Loading /> : null}

      <div className="subsection" data-testid="wishes-open">
        <h3>{t('wishes.open')}</h3>
        {all.data && !open.length ? <Empty>{t('wishes.openEmpty')}</Empty> : null}
        <ul className="cards">
          {open.map((w) => (
            <WishCard key={w.wishId} wish={w}>
              <WishButton label={t('wishes.claim')} testid={`wish-claim-${w.wishId}`} work={() => claimWish(w.wishId)} onDone={done('wishes.claimed')} />
            </WishCard>
          ))}
        </ul>
      </div>

      <div className="subsection" data-testid="wishes-mine">
        <h3>{t('wishes.mine')}</h3>
        {all.data && !mine.length ? <Empty>{t('wishes.mineEmpty')}</Empty> : null}
        <ul className="cards">
          {mine.map((w) => (
            <WishCard key={w.wishId} wish={w}>
              {w.status === 'claimed' && w.claimedBy === user.userId ? <FulfilForm wish={w} onDone={() => all.reload()} /> : null}
              {w.status === 'fulfilled' && w.postedBy === user.userId ? (
                <WishButton label={t('wishes.confirm')} testid={`wish-confirm-${w.wishId}`} work={() => confirmWish(w.wishId)} onDone={() => all.reload()} />
              ) : null}
            </WishCard>
          ))}
        </ul>
      </div>
    </Section>
  );
};
