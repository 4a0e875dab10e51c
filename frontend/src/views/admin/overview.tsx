import { allActivities } from '../../api/activities';
import { type Balance, accountBalance } from '../../api/points';
import { type Reward, listRewards } from '../../api/rewards';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Figure, Loading, RefreshButton, Section } from '../../ui/components';
import { useResource } from '../../ui/hooks';
import { AdminLog } from './adminLog';
import { HoursLog } from './hoursLog';
import { PeopleLog } from './peopleLog';
import { TransparencyByOrganisation } from './transparency';

interface MerchantRow {
  merchantId: string;
  merchantName: string;
  rewards: Reward[];
  balance?: Balance;
}

/** The admin's screen: the alliance's shops, the points in the open, and the admin logs of the ledger and of people. */
export const AdminOverview = () => (
  <>
    <AllianceOverview />
    <TransparencyByOrganisation />
    <AdminLog />
    <PeopleLog />
    <HoursLog />
  </>
);

/** The alliance at a glance: each member shop, what it lists, and its points account. */
const AllianceOverview = () => {
  const { t, lang, locale } = useI18n();
  const data = useResource(async (signal) => {
    const [rewards, activities] = await Promise.all([listRewards(signal), allActivities(signal)]);
    const byMerchant = new Map<string, MerchantRow>();
    for (const r of rewards.items) {
      const row = byMerchant.get(r.merchantId) ?? { merchantId: r.merchantId, merchantName: r.merchantName, rewards: [] };
      row.rewards.push(r);
      byMerchant.set(r.merchantId, row);
    }
    const rows = await Promise.all(
      [...byMerchant.values()].map(async (row) => {
        const balance = await accountBalance(`merchant:${row.merchantId}`, signal).catch(() => undefined);
        return balance ? { ...row, balance } : row;
      }),
    );
    return { rows, activities };
  }, []);

  const rows = data.data?.rows ?? [];
  const activities = data.data?.activities ?? [];
  const places = activities.reduce((sum, a) => sum + a.shifts.reduce((s, x) => s + Math.max(0, x.remaining), 0), 0);

  return (
    <Section title={t('admin.title')} subtitle={t('admin.subtitle')} actions={<RefreshButton onClick={data.reload} loading={data.loading} testid="overview-refresh" />}>
      <ErrorNotice error={data.error} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.data && !rows.length ? <Empty>{t('common.empty')}</Empty> : null}
      {data.data ? (
        <div className="figures">
          <Figure label={t('admin.activities')} value={activities.length} testid="overview-activities" />
          <Figure label={t('admin.places')} value={places} testid="overview-places" />
        </div>
      ) : null}
      {rows.length ? (
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('admin.merchant')}</th>
              <th>{t('admin.rewards')}</th>
              <th className="num">{t('admin.stock')}</th>
              <th className="num">{t('admin.balance')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.merchantId} data-testid={`overview-merchant-${row.merchantId}`}>
                <td>{row.merchantName}</td>
                <td>
                  {row.rewards
                    .map((r) => `${lang === 'zh' ? r.title : r.titleEn || r.title} (${t('common.points', { n: r.points })})`)
                    .join(lang === 'zh' ? '、' : ', ')}
                </td>
                <td className="num">{row.rewards.reduce((s, r) => s + r.stock, 0)}</td>
                <td className="num">{formatPoints(row.balance?.available, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      ) : null}
    </Section>
  );
};
