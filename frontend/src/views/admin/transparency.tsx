import { publicTransparency, transparency } from '../../api/points';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, RefreshButton, Section } from '../../ui/components';
import { useResource } from '../../ui/hooks';

/** Where anyone, signed in or not, reads the figures (a link on the login page). */
export const PUBLIC_TRANSPARENCY_PATH = '/transparency';

/**
 * The ledger's public figures for this month: per community, and the awards per awarding
 * organization. `open`: read without signing in (the public page).
 */
export const TransparencyByOrganisation = ({ open = false }: { open?: boolean }) => {
  const { t, locale } = useI18n();
  const report = useResource((signal) => (open ? publicTransparency(signal) : transparency(signal)), [open]);
  const data = report.data;
  const awarder = (awardedBy: string) => (awardedBy === 'issuance' ? t('transparency.issuance') : awardedBy.replace(/^org:/, ''));
  const community = (id: string) => (id === 'unassigned' ? t('transparency.unassigned') : id);

  return (
    <Section
      title={t('transparency.title')}
      subtitle={t('transparency.subtitle')}
      actions={<RefreshButton onClick={report.reload} loading={report.loading} testid="transparency-refresh" />}
      testid="transparency"
    >
      <ErrorNotice error={report.error} />
      {report.loading && !data ? <Loading /> : null}
      {data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('transparency.community')}</th>
                <th className="num">{t('transparency.issued')}</th>
                <th className="num">{t('transparency.redeemed')}</th>
                <th className="num">{t('transparency.expired')}</th>
                <th className="num">{t('transparency.corrected')}</th>
              </tr>
            </thead>
            <tbody>
              {data.communities.map((c) => (
                <tr key={c.communityId} data-testid={`transparency-community-${c.communityId}`}>
                  <td>{community(c.communityId)}</td>
                  <td className="num">{formatPoints(c.issued, locale)}</td>
                  <td className="num">{formatPoints(c.redeemed, locale)}</td>
                  <td className="num">{formatPoints(c.expired, locale)}</td>
                  <td className="num">{formatPoints(c.corrected, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? <h3 className="section-subhead">{t('transparency.awardsTitle')}</h3> : null}
      {data && !data.awardsByOrganisation.length ? <Empty>{t('transparency.noAwards')}</Empty> : null}
      {data?.awardsByOrganisation.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('transparency.awardedBy')}</th>
                <th className="num">{t('transparency.awardPoints')}</th>
                <th className="num">{t('transparency.awardCount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.awardsByOrganisation.map((a) => (
                <tr key={a.awardedBy} data-testid={`transparency-award-${a.awardedBy}`}>
                  <td>{awarder(a.awardedBy)}</td>
                  <td className="num">{formatPoints(a.points, locale)}</td>
                  <td className="num">{a.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
};
