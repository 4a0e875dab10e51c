import { type ReactNode, useMemo, useState } from 'react';
import { type NewWish, type User, type Wish, type WishStatus, api, scopeIds } from '../api';
import type { ViewProps } from '../App';
import { useI18n } from '../i18n';
import { Empty, ErrorNotice, Loading, Notice, RefreshButton, Section, StatusBadge, TextField, useAction, useResource } from '../ui';
import { allActivities } from './volunteer';

// ---- Shared pieces --------------------------------------------------------------------

const WishCard = ({ wish, children }: { wish: Wish; children?: ReactNode }) => {
  const { t } = useI18n();
  return (
    <li className="card" data-testid={`wish-${wish.wishId}`} data-wish-id={wish.wishId} data-title={wish.title}>
      <div className="activity-head">
        <h3 className="activity-title">{wish.title}</h3>
        <StatusBadge kind="wish" status={wish.status} testid={`wish-status-${wish.wishId}`} />
      </div>
      {wish.description ? <p className="activity-desc">{wish.description}</p> : null}
      <p className="activity-address">{wish.address}</p>
      <p className="muted small">{t('wishes.contact', { name: wish.contactName, phone: wish.contactPhone })}</p>
      {wish.fulfilNote ? <p className="small">{t('wishes.fulfilNote', { note: wish.fulfilNote, minutes: wish.minutes ?? 0 })}</p> : null}
      {wish.rejectReason ? <p className="small danger-text">{t('wishes.rejectReason', { reason: wish.rejectReason })}</p> : null}
      {children}
    </li>
  );
};

/** One button that moves a wish on (claim, confirm, approve), with its error under it. */
const WishButton = ({ label, testid, work, onDone, primary = true }: { label: string; testid: string; work: () => Promise<Wish>; onDone: (wish: Wish) => void; primary?: boolean }) => {
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
const FormWithSubmit = ({ fields, submit, testid, check }: { fields: ReactNode; submit: { label: string; work: () => Promise<unknown>; danger?: boolean }; testid: string; check: () => string | null }) => {
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
      {localError ? (
        <div className="notice notice-error" role="alert" data-testid={`${testid}-local-error`}>
          {localError}
        </div>
      ) : null}
      <ErrorNotice error={action.error} testid={`${testid}-error`} />
    </div>
  );
};

// ---- Resident / volunteer -------------------------------------------------------------

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
            onPosted(await api.postWish(body));
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
      submit={{ label: t('wishes.fulfil'), work: async () => onDone(await api.fulfilWish(wish.wishId, { note: note.trim(), minutes: n })) }}
    />
  );
};

/** The statuses in which a wish is still "mine" to follow (the list call takes one status at a time). */
const MY_STATUSES: WishStatus[] = ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected'];

export const Wishes = ({ user }: ViewProps) => {
  const { t } = useI18n();
  // Wishes are per grid: the signed-in person's grid from their identity (dev-login principal).
  const gridId = user.gridId ?? scopeIds(user, 'grid')[0];
  const [message, setMessage] = useState<string | null>(null);
  const all = useResource(async (signal) => {
    if (!gridId) return [];
    const lists = await Promise.all(MY_STATUSES.map((status) => api.wishes({ gridId, status }, signal)));
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
              <WishButton label={t('wishes.claim')} testid={`wish-claim-${w.wishId}`} work={() => api.claimWish(w.wishId)} onDone={done('wishes.claimed')} />
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
                <WishButton label={t('wishes.confirm')} testid={`wish-confirm-${w.wishId}`} work={() => api.confirmWish(w.wishId)} onDone={() => all.reload()} />
              ) : null}
            </WishCard>
          ))}
        </ul>
      </div>
    </Section>
  );
};

// ---- Organizer review -----------------------------------------------------------------

/**
 * The API has no "grids of my organization" call: the communities to review are those where
 * my organizations run activities, plus my own grid's community through `gridId`.
 */
const reviewScopes = async (user: User, signal: AbortSignal) => {
  const activities = (await Promise.all(scopeIds(user, 'org').map((orgId) => allActivities(signal, orgId)))).flat();
  const communityIds = [...new Set(activities.map((a) => a.communityId))];
  const lists = await Promise.all([
    ...communityIds.map((communityId) => api.wishes({ communityId, status: 'pending_review' }, signal)),
    ...(user.gridId ? [api.wishes({ gridId: user.gridId, status: 'pending_review' }, signal)] : []),
  ]);
  const byId = new Map(lists.flatMap((l) => l.items).map((w) => [w.wishId, w]));
  return [...byId.values()];
};

const ReviewCard = ({ wish, onDone }: { wish: Wish; onDone: (text: string) => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <WishCard wish={wish}>
      <WishButton label={t('wishes.approve')} testid={`wish-approve-${wish.wishId}`} work={() => api.approveWish(wish.wishId)} onDone={(w) => onDone(t('wishes.approved', { title: w.title }))} />
      <FormWithSubmit
        testid={`wish-reject-${wish.wishId}`}
        check={() => (reason.trim() ? null : t('wishes.reasonRequired'))}
        fields={<TextField label={t('wishes.reason')} value={reason} onChange={setReason} testid={`wish-reason-${wish.wishId}`} maxLength={500} grow />}
        submit={{ label: t('wishes.reject'), danger: true, work: async () => onDone(t('wishes.rejected', { title: (await api.rejectWish(wish.wishId, reason.trim())).title })) }}
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
