import { devMessages } from '../../api/dev';
import { isLocalStage } from '../../auth/config';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, RefreshButton, Section } from '../../ui/components';
import { useInterval, useResource } from '../../ui/hooks';

/** The path of the SMS dev box: opened in a second browser tab beside the sign-up form. */
export const DEV_MESSAGES_PATH = '/dev/messages';

/** Local stage: the SMS codes the local user pool "sent", newest first, refreshed every 3 seconds. */
export const DevMessages = () => {
  const { t, locale } = useI18n();
  const box = useResource((signal) => (isLocalStage ? devMessages(signal) : Promise.resolve({ items: [] })), []);
  useInterval(box.reload, 3000, isLocalStage);
  const items = box.data?.items ?? [];
  const back = (
    <a className="btn btn-quiet" href="/" data-testid="dev-box-back">
      {t('devBox.toPortal')}
    </a>
  );

  if (!isLocalStage) return <Section title={t('devBox.title')} actions={back}><Empty>{t('devBox.localOnly')}</Empty></Section>;
  return (
    <Section title={t('devBox.title')} subtitle={t('devBox.subtitle')} actions={<>{back}<RefreshButton onClick={box.reload} loading={box.loading} testid="dev-box-refresh" /></>} testid="dev-box">
      <ErrorNotice error={box.error} />
      {box.loading && !box.data ? <Loading /> : null}
      {box.data && !items.length ? <Empty>{t('devBox.empty')}</Empty> : null}
      {items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('devBox.at')}</th>
                <th>{t('devBox.phone')}</th>
                <th>{t('devBox.code')}</th>
                <th>{t('devBox.message')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m, i) => (
                <tr key={`${m.at}-${m.phone}-${i}`} data-testid="dev-message" data-phone={m.phone}>
                  <td>{formatDateTime(m.at, locale)}</td>
                  <td>{m.phone}</td>
                  <td>
                    <span className="code-text" data-testid="dev-message-code">
                      {m.code}
                    </span>
                  </td>
                  <td className="small">{m.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
};
