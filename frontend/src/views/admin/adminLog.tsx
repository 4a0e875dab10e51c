import { useState } from 'react';
import { type AdminLogEntry, adminLogPage } from '../../api/points';
import { formatDateTime } from '../../format';
import { type Translate, isMessageKey, useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, RefreshButton, Section } from '../../ui/components';
import { useAction, useResource } from '../../ui/hooks';

/** Before → after in words: the policy's versions, or the account's available points and frozen flag. */
const changeOf = (e: AdminLogEntry, t: Translate): string => {
  if (e.action === 'POLICY_CHANGE') return t('adminLog.policy', { before: String(e.before.version), after: String(e.after.version) });
  const state = (s: Record<string, unknown>) => `${String(s.available)}${s.frozen ? ` (${t('adminLog.frozen')})` : ''}`;
  return t('adminLog.balance', { before: state(e.before), after: state(e.after) });
};

/** The ledger's append-only admin log, newest first, a page at a time. */
export const AdminLog = () => {
  const { t, locale } = useI18n();
  const first = useResource((signal) => adminLogPage(undefined, signal), []);
  const [more, setMore] = useState<{ items: AdminLogEntry[]; cursor?: string | undefined }>({ items: [] });
  const action = useAction();
  const items = [...(first.data?.items ?? []), ...more.items];
  const cursor = more.items.length ? more.cursor : first.data?.cursor;
  const reload = () => {
    setMore({ items: [] });
    first.reload();
  };
  const loadMore = () =>
    void action.run(async () => {
      const page = await adminLogPage(cursor);
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.cursor }));
    });

  return (
    <Section title={t('adminLog.title')} subtitle={t('adminLog.subtitle')} actions={<RefreshButton onClick={reload} loading={first.loading} testid="admin-log-refresh" />} testid="admin-log">
      <ErrorNotice error={first.error ?? action.error} />
      {first.loading && !first.data ? <Loading /> : null}
      {first.data && !items.length ? <Empty>{t('adminLog.empty')}</Empty> : null}
      {items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('adminLog.at')}</th>
                <th>{t('adminLog.actor')}</th>
                <th>{t('adminLog.action')}</th>
                <th>{t('adminLog.target')}</th>
                <th>{t('adminLog.change')}</th>
                <th>{t('adminLog.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const key = `adminAction.${e.action}`;
                return (
                  <tr key={e.entryId} data-testid={`admin-log-${e.entryId}`}>
                    <td>{formatDateTime(e.at, locale)}</td>
                    <td>{e.actor}</td>
                    <td>{isMessageKey(key) ? t(key) : e.action}</td>
                    <td>{e.target}</td>
                    <td>{changeOf(e, t)}</td>
                    <td>{e.reason ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursor ? (
        <div className="button-row">
          <button type="button" className="btn" onClick={loadMore} disabled={action.busy} data-testid="admin-log-more">
            {action.busy ? t('common.working') : t('adminLog.more')}
          </button>
        </div>
      ) : null}
    </Section>
  );
};
