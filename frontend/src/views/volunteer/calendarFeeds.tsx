import { useRef, useState } from 'react';
import { type CalendarFeed, type NewCalendarFeed, createCalendarFeed, myCalendarFeeds, revokeCalendarFeed } from '../../api/calendarFeeds';
import { API_BASE } from '../../api/client';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, Notice, Section } from '../../ui/components';
import { ActionButton, ConfirmStep } from '../../ui/forms';
import { useAction, useResource } from '../../ui/hooks';
import { feedUrls } from './feedUrls';

/**
 * 订阅日历: a URL the phone's calendar app subscribes to, so confirmed shifts show up there.
 * A calendar app cannot sign in, so the URL carries its own token: shown once, right after it
 * is made (the service keeps only its hash), and revoked here when a phone is lost.
 */
export const CalendarFeeds = () => {
  const { t } = useI18n();
  const feeds = useResource((signal) => myCalendarFeeds(signal), []);
  const [created, setCreated] = useState<NewCalendarFeed | null>(null);
  const items = feeds.data?.items ?? [];
  const onRevoked = (feedId: string) => {
    if (created?.feedId === feedId) setCreated(null);
    feeds.setData({ items: items.filter((f) => f.feedId !== feedId) });
  };

  return (
    <Section title={t('feeds.title')} subtitle={t('feeds.subtitle')} testid="calendar-feeds">
      <ErrorNotice error={feeds.error} />
      {created ? <NewFeed feed={created} /> : null}
      <ActionButton
        label={t('feeds.create')}
        testid="calendar-feed-create"
        primary={!created}
        work={createCalendarFeed}
        onDone={(feed) => (setCreated(feed), feeds.reload())}
      />
      {feeds.loading && !feeds.data ? <Loading /> : null}
      {feeds.data && !items.length ? <Empty>{t('feeds.empty')}</Empty> : null}
      <ul className="rows">
        {items.map((feed) => (
          <FeedRow key={feed.feedId} feed={feed} onRevoked={onRevoked} />
        ))}
      </ul>
    </Section>
  );
};

/** The URL of a feed just made, its only showing: copy it, or open it in the calendar app. */
const NewFeed = ({ feed }: { feed: NewCalendarFeed }) => {
  const { t } = useI18n();
  const urls = feedUrls(feed.path, window.location.origin, API_BASE);
  const text = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(urls.https);
      setCopied('yes');
    } catch {
      // No clipboard outside a secure context (a phone on the LAN address): select it for a manual copy.
      if (text.current) window.getSelection()?.selectAllChildren(text.current);
      setCopied('manual');
    }
  };
  return (
    <div className="card" data-testid="calendar-feed-new" data-feed-id={feed.feedId}>
      <Notice tone="warn">{t('feeds.shownOnce')}</Notice>
      <code ref={text} className="small" style={{ wordBreak: 'break-all', userSelect: 'all' }} data-testid="calendar-feed-url">
        {urls.https}
      </code>
      <div className="button-row">
        <button type="button" className="btn btn-small btn-secondary" onClick={() => void copy()} data-testid="calendar-feed-copy">
          {copied === 'yes' ? t('feeds.copied') : t('feeds.copy')}
        </button>
        <a className="btn btn-small btn-primary" href={urls.webcal} data-testid="calendar-feed-webcal">
          {t('feeds.openInCalendar')}
        </a>
      </div>
      {copied === 'manual' ? <p className="muted small">{t('feeds.copyManually')}</p> : null}
    </div>
  );
};

const FeedRow = ({ feed, onRevoked }: { feed: CalendarFeed; onRevoked: (feedId: string) => void }) => {
  const { t, locale } = useI18n();
  const action = useAction();
  const revoke = () =>
    void action.run(async () => {
      await revokeCalendarFeed(feed.feedId);
      onRevoked(feed.feedId);
    });
  return (
    <li className="row" data-testid={`calendar-feed-${feed.feedId}`}>
      <div className="row-main">
        <div className="row-title">{t('feeds.createdAt', { at: formatDateTime(feed.createdAt, locale) })}</div>
        <div className="muted small">{feed.lastUsedAt ? t('feeds.lastUsed', { at: formatDateTime(feed.lastUsedAt, locale) }) : t('feeds.neverUsed')}</div>
        <ErrorNotice error={action.error} testid={`calendar-feed-revoke-error-${feed.feedId}`} />
      </div>
      <div className="row-side">
        <ConfirmStep
          label={action.busy ? t('common.working') : t('feeds.revoke')}
          question={t('feeds.revokeQuestion')}
          yes={t('feeds.revokeYes')}
          onConfirm={revoke}
          busy={action.busy}
          testid={`calendar-feed-revoke-${feed.feedId}`}
        />
      </div>
    </li>
  );
};
