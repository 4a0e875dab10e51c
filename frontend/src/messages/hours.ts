import type { Messages } from './lang';

/** Check-in and check-out, my hours, and the organizer's verification. */
export const hoursMessages = {
  'checkin.title': { zh: '签到 / 签退', en: 'Check in / check out' },
  'checkin.hint': {
    zh: '请输入组织者在现场出示的 6 位签到码。签到和签退都使用当时有效的签到码。',
    en: 'Enter the 6-digit code the organizer shows on site, both to check in and to check out.',
  },
  'checkin.code': { zh: '签到码', en: 'Check-in code' },
  'checkin.checkIn': { zh: '签到', en: 'Check in' },
  'checkin.checkOut': { zh: '签退', en: 'Check out' },
  'checkin.invalidCode': { zh: '签到码是 6 位数字。', en: 'The code is 6 digits.' },
  'checkin.checkedIn': { zh: '签到成功', en: 'Checked in' },
  'checkin.checkedOut': { zh: '签退成功,等待组织者审核时长', en: 'Checked out; waiting for the organizer to verify' },
  'checkin.open': { zh: '正在进行的服务', en: 'In progress' },
  'checkin.since': { zh: '签到于 {time}', en: 'Checked in at {time}' },

  'hours.title': { zh: '我的服务时长', en: 'My service hours' },
  'hours.total': { zh: '已认证时长', en: 'Verified time' },
  'hours.totalPoints': { zh: '已获积分', en: 'Points earned' },
  'hours.empty': { zh: '还没有服务记录。', en: 'No service recorded yet.' },
  'hours.checkIn': { zh: '签到', en: 'In' },
  'hours.checkOut': { zh: '签退', en: 'Out' },
  'hours.note': { zh: '备注:{text}', en: 'Note: {text}' },
  'hours.reason': { zh: '原因:{text}', en: 'Reason: {text}' },
  'hourStatus.checked_in': { zh: '已签到', en: 'Checked in' },
  'hourStatus.checked_out': { zh: '待审核', en: 'Awaiting verification' },
  'hourStatus.verified': { zh: '已认证', en: 'Verified' },
  'hourStatus.rejected': { zh: '未通过', en: 'Rejected' },

  'pending.title': { zh: '待审核的服务时长', en: 'Hours awaiting verification' },
  'pending.subtitle': {
    zh: '核对志愿者的签到记录。可调整时长(须填写说明),或说明原因后不予通过。',
    en: 'Check each record. You may adjust the minutes (with a note) or reject with a reason.',
  },
  'pending.wishTitle': { zh: '微心愿 · 居民已确认完成', en: 'Micro-wish · confirmed by the resident' },
  'pending.empty': { zh: '没有待审核的时长。', en: 'Nothing to verify.' },
  'pending.recorded': { zh: '记录时长 {n} 分钟', en: 'Recorded {n} min' },
  'pending.rate': { zh: '每小时 {n} 积分,由积分账本计算', en: '{n} points/hour, counted by the ledger' },
  'pending.adjustMinutes': { zh: '认定时长(分钟,可选)', en: 'Minutes to credit (optional)' },
  'pending.note': { zh: '调整说明', en: 'Note on the adjustment' },
  'pending.verify': { zh: '通过', en: 'Verify' },
  'pending.reason': { zh: '不通过的原因', en: 'Reason for rejecting' },
  'pending.reject': { zh: '不通过', en: 'Reject' },
  'pending.noteRequired': { zh: '调整时长时须填写说明。', en: 'A note is required when adjusting the minutes.' },
  'pending.reasonRequired': { zh: '请填写不通过的原因。', en: 'Please give a reason.' },
  'pending.invalidMinutes': { zh: '时长须为不小于 0 的整数。', en: 'Minutes must be a whole number, 0 or more.' },
  'pending.verified': {
    zh: '已认证 {name} 的时长:{minutes} 分钟(每小时 {rate} 积分),积分将由积分账本计入。',
    en: 'Verified {name}: {minutes} min ({rate} points/hour); the ledger will credit the points.',
  },
  'pending.rejected': { zh: '已退回 {name} 的时长。', en: 'Rejected the hours of {name}.' },
} satisfies Messages;
