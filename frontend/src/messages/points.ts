import type { Messages } from './lang';

/** My points and the statement's kinds and memos. */
export const pointsMessages = {
  'points.title': { zh: '我的积分', en: 'My points' },
  'points.available': { zh: '可用积分', en: 'Available' },
  'points.held': { zh: '冻结中', en: 'Held' },
  'points.lifetime': { zh: '累计获得', en: 'Earned in total' },
  'points.transactions': { zh: '积分明细', en: 'Transactions' },
  'points.balanceAfter': { zh: '余额 {n}', en: 'Balance {n}' },
  'points.expiringSoon': { zh: '30天内到期', en: 'Expiring within 30 days' },
  'points.expiryNotice': { zh: '有 {n} 积分将于 {date} 到期，请尽快兑换。', en: '{n} points expire on {date}: redeem them soon.' },
  'points.autoRefresh': { zh: '自动刷新中', en: 'Updating automatically' },
  'points.noTransactions': { zh: '还没有积分变动。', en: 'No transactions yet.' },
  'kind.earn': { zh: '服务获得', en: 'Earned' },
  'kind.award': { zh: '表彰奖励', en: 'Award' },
  'kind.deduct': { zh: '扣减', en: 'Deduction' },
  'kind.hold': { zh: '兑换冻结', en: 'Held for redemption' },
  'kind.post': { zh: '兑换扣除', en: 'Redeemed' },
  'kind.void': { zh: '冻结退回', en: 'Hold returned' },
  'kind.expire': { zh: '积分过期', en: 'Expired' },

  'memo.hours': { zh: '志愿服务时长认证', en: 'Verified service hours' },
  'memo.lot': { zh: '{date} 到期的积分', en: 'Points due to expire {date}' },
  'memo.reward': { zh: '积分兑换', en: 'Reward' },
  'memo.redemption': { zh: '商户核销', en: 'Confirmed at the shop' },
} satisfies Messages;
