import { useState } from 'react';
import { myPoints } from '../../api/points';
import { type Redemption, type Reward, listRewards, redeemReward } from '../../api/rewards';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n';
import { Empty, ErrorNotice, Loading, RefreshButton, Section } from '../../ui/components';
import { useAction, useResource } from '../../ui/hooks';
import { RedemptionTracker } from './redemptionTracker';

const RewardCard = ({ reward, available, onRedeemed }: { reward: Reward; available: number | undefined; onRedeemed: (r: Redemption) => void }) => {
  const { t, lang } = useI18n();
  const action = useAction();
  const short = available !== undefined ? reward.points - available : 0;
  const soldOut = reward.stock <= 0;

  const redeem = () =>
    void action.run(async () => {
      onRedeemed(await redeemReward(reward.rewardId));
    });

  return (
    <article className="card reward" data-testid={`reward-${reward.rewardId}`}>
      <div className="reward-merchant muted small">{reward.merchantName}</div>
      <h3 className="reward-title">{lang === 'zh' ? reward.title : reward.titleEn || reward.title}</h3>
      <div className="reward-price">{t('common.points', { n: reward.points })}</div>
      <div className="muted small">{soldOut ? t('rewards.outOfStock') : t('rewards.stock', { n: reward.stock })}</div>
      <div className="reward-action">
        <button
          type="button"
          className="btn btn-primary"
          onClick={redeem}
          disabled={action.busy || soldOut || short > 0}
          data-testid={`redeem-${reward.rewardId}`}
        >
          {action.busy ? t('common.working') : t('rewards.redeem')}
        </button>
        {!soldOut && short > 0 ? <span className="muted small">{t('rewards.notEnough', { n: short })}</span> : null}
      </div>
      <ErrorNotice error={action.error} testid={`redeem-error-${reward.rewardId}`} />
    </article>
  );
};

export const Rewards = () => {
  const { t, lang, locale } = useI18n();
  const rewards = useResource((signal) => listRewards(signal), []);
  const points = useResource((signal) => myPoints(signal), []);
  const [active, setActive] = useState<{ redemption: Redemption; title: string } | null>(null);

  const onRedeemed = (reward: Reward, redemption: Redemption) => {
    setActive({ redemption, title: lang === 'zh' ? reward.title : reward.titleEn || reward.title });
    points.reload();
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const items = rewards.data?.items ?? [];
  return (
    <Section
      title={t('rewards.title')}
      subtitle={t('rewards.subtitle')}
      actions={<RefreshButton onClick={() => (rewards.reload(), points.reload())} loading={rewards.loading} testid="rewards-refresh" />}
    >
      {active ? (
        <RedemptionTracker
          key={active.redemption.redemptionId}
          initial={active.redemption}
          title={active.title}
          onSettled={() => (points.reload(), rewards.reload())}
          onClose={() => setActive(null)}
        />
      ) : null}
      <div className="balance-strip">
        <span>{t('rewards.yourPoints')}</span>
        <strong data-testid="rewards-available">{formatPoints(points.data?.available, locale)}</strong>
      </div>
      <ErrorNotice error={rewards.error ?? points.error} />
      {rewards.loading && !rewards.data ? <Loading /> : null}
      {rewards.data && !items.length ? <Empty>{t('rewards.empty')}</Empty> : null}
      <div className="cards cards-rewards">
        {items.map((reward) => (
          <RewardCard key={reward.rewardId} reward={reward} available={points.data?.available} onRedeemed={(r) => onRedeemed(reward, r)} />
        ))}
      </div>
    </Section>
  );
};
