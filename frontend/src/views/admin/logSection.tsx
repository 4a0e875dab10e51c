import type { ReactNode } from 'react';
import { formatDateTime } from '../../format';
import { type MessageKey, type Translate, useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, RefreshButton, Section } from '../../ui/components';
import { usePages } from '../../ui/hooks';

/** What every admin log entry has; each service's log adds its own columns. */
interface Entry { entryId: string; at: string; actor: string }
type Page<E> = (cursor: string | undefined, signal?: AbortSignal) => Promise<{ items: E[]; cursor?: string | undefined }>;

export interface LogColumn<E> { header: MessageKey; cell: (entry: E, t: Translate) => ReactNode }

/**
 * One service's append-only admin log, newest first, a page at a time: when, who, then the
 * service's own columns. `testid` names the section, its rows (`<testid>-<entryId>`) and buttons.
 */
export const LogSection = <E extends Entry>({ title, subtitle, testid, page, columns }: {
  title: MessageKey; subtitle: MessageKey; testid: string; page: Page<E>; columns: LogColumn<E>[];
}) => {
  const { t, locale } = useI18n();
  const log = usePages(page);
  const { items } = log;
  return (
    <Section title={t(title)} subtitle={t(subtitle)} actions={<RefreshButton onClick={log.reload} loading={log.loading} testid={`${testid}-refresh`} />} testid={testid}>
      <ErrorNotice error={log.error} />
      {log.loading && !log.loaded ? <Loading /> : null}
      {log.loaded && !items.length ? <Empty>{t('adminLog.empty')}</Empty> : null}
      {items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('adminLog.at')}</th>
                <th>{t('adminLog.actor')}</th>
                {columns.map((c) => <th key={c.header}>{t(c.header)}</th>)}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.entryId} data-testid={`${testid}-${e.entryId}`}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{e.actor}</td>
                  {columns.map((c) => <td key={c.header}>{c.cell(e, t)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.cursor ? (
        <div className="button-row">
          <button type="button" className="btn" onClick={log.more} disabled={log.busy} data-testid={`${testid}-more`}>
            {log.busy ? t('common.working') : t('adminLog.more')}
          </button>
        </div>
      ) : null}
    </Section>
  );
};
