import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];

/**
 * Every user-facing string, both languages side by side: an entry without `zh` or `en` (or
 * a `t('key')` whose key is not here) does not type-check. `{name}` marks a placeholder.
 */
const dict = {
  'app.name': { zh: '连心', en: 'Lianxin' },
  'app.tagline': { zh: '社区志愿服务 · 积分兑换', en: 'Community volunteering · points' },
  'app.footer': { zh: '浔阳区 · 商圈党建联盟 · 爱心银行', en: 'Xunyang District · Business-District Party Alliance · Love Bank' },
  'lang.switch': { zh: '语言', en: 'Language' },
  'header.logout': { zh: '退出登录', en: 'Log out' },
  'header.signedInAs': { zh: '当前登录', en: 'Signed in as' },
  'nav.label': { zh: '功能导航', en: 'Sections' },

  'role.volunteer': { zh: '志愿者', en: 'Volunteers' },
  'role.organizer': { zh: '组织者', en: 'Organizers' },
  'role.merchant': { zh: '商户', en: 'Merchants' },
  'role.admin': { zh: '管理员', en: 'Administrators' },
  'roleOne.volunteer': { zh: '志愿者', en: 'Volunteer' },
  'roleOne.organizer': { zh: '组织者', en: 'Organizer' },
  'roleOne.merchant': { zh: '商户', en: 'Merchant' },
  'roleOne.admin': { zh: '管理员', en: 'Admin' },

  'tag.party_member': { zh: '党员', en: 'Party member' },
  'tag.in_service_party_member': { zh: '在职党员', en: 'In-service' },
  'tag.league_member': { zh: '团员', en: 'League member' },

  'login.title': { zh: '选择演示账号登录', en: 'Sign in with a demo account' },
  'login.hint': {
    zh: '本地演示环境:点击任一账号即可登录,无需密码。',
    en: 'Local demo: click any account to sign in, no password needed.',
  },
  'login.signingIn': { zh: '正在登录…', en: 'Signing in…' },
  'login.empty': { zh: '没有可用的演示账号。', en: 'No demo accounts available.' },

  'tab.activities': { zh: '找活动', en: 'Activities' },
  'tab.claims': { zh: '我的报名', en: 'My claims' },
  'tab.checkin': { zh: '签到签退', en: 'Check in/out' },
  'tab.hours': { zh: '我的时长', en: 'My hours' },
  'tab.points': { zh: '我的积分', en: 'My points' },
  'tab.rewards': { zh: '积分兑换', en: 'Rewards' },
  'tab.redemptions': { zh: '我的兑换', en: 'My redemptions' },
  'tab.orgActivities': { zh: '组织活动', en: 'Our activities' },
  'tab.pending': { zh: '时长审核', en: 'Verify hours' },
  'tab.confirm': { zh: '核销兑换', en: 'Confirm code' },
  'tab.shopRedemptions': { zh: '本店兑换', en: 'Shop redemptions' },
  'tab.overview': { zh: '联盟概览', en: 'Alliance overview' },

  'common.refresh': { zh: '刷新', en: 'Refresh' },
  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.empty': { zh: '暂无记录。', en: 'Nothing here yet.' },
  'common.loadMore': { zh: '加载更多', en: 'Load more' },
  'common.working': { zh: '处理中…', en: 'Working…' },
  'common.minutes': { zh: '{n} 分钟', en: '{n} min' },
  'common.points': { zh: '{n} 积分', en: '{n} points' },
  'common.hoursMinutes': { zh: '{h} 小时 {m} 分', en: '{h} h {m} min' },
  'common.expiresIn': { zh: '{time} 后过期', en: 'Expires in {time}' },
  'common.expired': { zh: '已过期', en: 'Expired' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.timezone': { zh: '时间均为北京时间', en: 'Times are Beijing time' },
  'common.dash': { zh: '—', en: '—' },
  'common.no': { zh: '不了', en: 'No' },

  'audience.everyone': { zh: '所有居民', en: 'Everyone' },
  'audience.league_member': { zh: '限共青团员', en: 'League members' },
  'audience.party_member': { zh: '限党员', en: 'Party members' },

  'activities.title': { zh: '志愿活动', en: 'Volunteer activities' },
  'activities.subtitle': {
    zh: '就近报名参加社区服务,经组织者认证的服务时长可换取积分。',
    en: 'Sign up for community service near you; verified hours earn points.',
  },
  'activities.empty': { zh: '暂时没有可报名的活动。', en: 'No activities open right now.' },
  'activities.pointsPerHour': { zh: '{n} 积分/小时', en: '{n} points/hour' },
  'activities.remaining': { zh: '剩余 {remaining}/{capacity} 个名额', en: '{remaining} of {capacity} places left' },
  'activities.claim': { zh: '报名', en: 'Claim' },
  'activities.claimed': { zh: '已报名', en: 'Claimed' },
  'activities.waitlisted': { zh: '候补中', en: 'On the waitlist' },
  'activities.joinWaitlist': { zh: '加入候补', en: 'Join the waitlist' },
  'activities.waitlistSuccess': { zh: '名额已满,已为您加入「{title}」的候补名单,有人取消时自动递补。', en: 'The shift is full: you are on the waitlist for “{title}” and will move up when someone cancels.' },
  'activities.full': { zh: '已满员', en: 'Full' },
  'activities.ended': { zh: '已结束', en: 'Ended' },
  'activities.ongoing': { zh: '进行中', en: 'Now' },
  'activities.claimSuccess': { zh: '报名成功:{title}', en: 'Claimed: {title}' },
  'activities.skills': { zh: '所需技能:{skills}', en: 'Skills: {skills}' },
  'activities.filterAll': { zh: '全部', en: 'All' },
  'activities.filterLabel': { zh: '按类别筛选', en: 'Filter by category' },

  'claims.title': { zh: '我的报名', en: 'My claims' },
  'claims.empty': { zh: '还没有报名任何活动,去“找活动”看看吧。', en: 'No claims yet: have a look at Activities.' },
  'claims.goCheckin': { zh: '去签到', en: 'Check in' },
  'claimStatus.confirmed': { zh: '已确认', en: 'Confirmed' },
  'claimStatus.waitlisted': { zh: '候补中', en: 'Waitlisted' },
  'claimStatus.cancelled': { zh: '已取消', en: 'Cancelled' },
  'claims.cancel': { zh: '取消报名', en: 'Cancel claim' },
  'claims.cancelQuestion': { zh: '确定取消这次报名吗?', en: 'Cancel this claim?' },
  'claims.cancelYes': { zh: '确定取消', en: 'Yes, cancel' },

  'call.badge': { zh: '紧急召集', en: 'Emergency call' },
  'call.muster': { zh: '集合地点:{address}', en: 'Muster point: {address}' },
  'call.headcount': { zh: '已响应 {accepted}/{target} 人', en: '{accepted} of {target} people accepted' },
  'call.accept': { zh: '接受', en: 'Accept' },
  'call.decline': { zh: '婉拒', en: 'Decline' },
  'call.accepted': { zh: '您已接受', en: 'You accepted' },
  'call.declined': { zh: '您已婉拒', en: 'You declined' },

  'tab.wishes': { zh: '微心愿', en: 'Micro-wishes' },
  'tab.wishReview': { zh: '心愿审核', en: 'Review wishes' },
  'wishes.title': { zh: '微心愿', en: 'Micro-wishes' },
  'wishes.subtitle': { zh: '居民发布小心愿,志愿者认领帮忙实现,完成后计入服务时长。', en: 'Residents post small wishes; volunteers fulfil them and earn service hours.' },
  'wishes.open': { zh: '本网格待认领的心愿', en: 'Open wishes in my grid' },
  'wishes.openEmpty': { zh: '暂时没有待认领的心愿。', en: 'No open wishes right now.' },
  'wishes.mine': { zh: '我发布或认领的心愿', en: 'Wishes I posted or claimed' },
  'wishes.mineEmpty': { zh: '还没有发布或认领心愿。', en: 'You have not posted or claimed a wish.' },
  'wishes.post': { zh: '发布心愿', en: 'Post a wish' },
  'wishes.posted': { zh: '心愿已提交,等待社区审核:{title}', en: 'Wish sent for review: {title}' },
  'wishes.noGrid': { zh: '您的账号没有所属网格,无法查看或发布心愿。', en: 'Your account has no grid, so wishes are not available.' },
  'wishes.fieldTitle': { zh: '心愿标题', en: 'Title' },
  'wishes.fieldDescription': { zh: '具体说明', en: 'Description' },
  'wishes.fieldAddress': { zh: '地址', en: 'Address' },
  'wishes.fieldContactName': { zh: '联系人', en: 'Contact name' },
  'wishes.fieldContactPhone': { zh: '联系电话', en: 'Contact phone' },
  'wishes.required': { zh: '请填写标题、地址、联系人和联系电话。', en: 'Fill in the title, address, contact name and phone.' },
  'wishes.contact': { zh: '联系人:{name} {phone}', en: 'Contact: {name} {phone}' },
  'wishes.claim': { zh: '认领', en: 'Claim' },
  'wishes.claimed': { zh: '已认领:{title}', en: 'Claimed: {title}' },
  'wishes.note': { zh: '完成说明', en: 'What was done' },
  'wishes.minutes': { zh: '服务分钟数', en: 'Minutes' },
  'wishes.fulfil': { zh: '报告已完成', en: 'Report fulfilled' },
  'wishes.fulfilInvalid': { zh: '请填写完成说明,分钟数为 1–480 的整数。', en: 'Add a note; minutes must be a whole number from 1 to 480.' },
  'wishes.confirm': { zh: '确认已实现', en: 'Confirm fulfilled' },
  'wishes.fulfilNote': { zh: '完成情况:{note}({minutes} 分钟)', en: 'Done: {note} ({minutes} min)' },
  'wishes.rejectReason': { zh: '未通过原因:{reason}', en: 'Rejected: {reason}' },
  'wishes.reviewTitle': { zh: '待审核的微心愿', en: 'Wishes awaiting review' },
  'wishes.reviewSubtitle': { zh: '本组织开展活动的社区内居民提交的心愿。', en: 'Wishes posted in the communities where your organizations run activities.' },
  'wishes.reviewEmpty': { zh: '没有待审核的心愿。', en: 'No wishes awaiting review.' },
  'wishes.approve': { zh: '通过', en: 'Approve' },
  'wishes.reject': { zh: '不通过', en: 'Reject' },
  'wishes.reason': { zh: '不通过的原因', en: 'Reason for rejecting' },
  'wishes.reasonRequired': { zh: '请填写不通过的原因。', en: 'Give a reason for rejecting.' },
  'wishes.approved': { zh: '已通过:{title}', en: 'Approved: {title}' },
  'wishes.rejected': { zh: '已驳回:{title}', en: 'Rejected: {title}' },
  'wishStatus.pending_review': { zh: '待审核', en: 'Awaiting review' },
  'wishStatus.open': { zh: '待认领', en: 'Open' },
  'wishStatus.rejected': { zh: '未通过', en: 'Rejected' },
  'wishStatus.claimed': { zh: '已认领', en: 'Claimed' },
  'wishStatus.fulfilled': { zh: '待确认', en: 'Awaiting confirmation' },
  'wishStatus.confirmed': { zh: '已实现', en: 'Fulfilled' },

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

  'rewards.title': { zh: '积分兑换', en: 'Rewards' },
  'rewards.subtitle': {
    zh: '在商圈党建联盟商户用积分兑换实物和服务。',
    en: 'Spend points at the alliance’s member shops.',
  },
  'rewards.empty': { zh: '暂时没有可兑换的奖品。', en: 'No rewards listed.' },
  'rewards.stock': { zh: '库存 {n}', en: '{n} in stock' },
  'rewards.redeem': { zh: '兑换', en: 'Redeem' },
  'rewards.outOfStock': { zh: '已兑完', en: 'Out of stock' },
  'rewards.notEnough': { zh: '还差 {n} 积分', en: '{n} points short' },
  'rewards.yourPoints': { zh: '我的可用积分', en: 'My available points' },

  'redemption.title': { zh: '兑换:{title}', en: 'Redeeming: {title}' },
  'redemption.pending': { zh: '正在冻结积分,请稍候…', en: 'Holding your points, one moment…' },
  'redemption.slow': { zh: '处理时间比平时长,仍在等待结果…', en: 'Taking longer than usual, still waiting…' },
  'redemption.showCode': { zh: '请在柜台向店员出示以下核销码', en: 'Show this code at the counter' },
  'redemption.expiresAt': { zh: '有效期至 {time}', en: 'Valid until {time}' },
  'redemption.failed': { zh: '兑换未成功:{reason}', en: 'Redemption failed: {reason}' },
  'redemption.confirmed': { zh: '商户已核销,正在结算积分…', en: 'Confirmed by the shop; settling points…' },
  'redemption.completed': { zh: '兑换完成,感谢您的志愿服务!', en: 'Done. Thank you for volunteering!' },
  'redemption.expired': { zh: '核销码已过期,积分已退回。', en: 'The code expired; your points were returned.' },
  'redemptionStatus.pending': { zh: '处理中', en: 'Pending' },
  'redemptionStatus.held': { zh: '待核销', en: 'Ready to confirm' },
  'redemptionStatus.confirmed': { zh: '已核销', en: 'Confirmed' },
  'redemptionStatus.completed': { zh: '已完成', en: 'Completed' },
  'redemptionStatus.failed': { zh: '未成功', en: 'Failed' },
  'redemptionStatus.expired': { zh: '已过期', en: 'Expired' },
  'reason.INSUFFICIENT_POINTS': { zh: '可用积分不足', en: 'not enough available points' },
  'reason.ACCOUNT_FROZEN': { zh: '积分账户已冻结', en: 'the points account is frozen' },
  'reason.INVALID_AMOUNT': { zh: '积分数额无效', en: 'invalid amount' },
  'reason.HOLD_EXPIRED': { zh: '核销码已过期,积分已退回', en: 'the code expired and the points were returned' },
  'reason.OUT_OF_STOCK': { zh: '奖品已兑完', en: 'out of stock' },

  'redemptions.title': { zh: '我的兑换', en: 'My redemptions' },
  'redemptions.empty': { zh: '还没有兑换记录。', en: 'No redemptions yet.' },
  'redemptions.code': { zh: '核销码', en: 'Code' },

  'org.title': { zh: '我组织的活动', en: 'Our activities' },
  'org.subtitle': {
    zh: '活动当天为班次生成签到码,志愿者签到、签退时输入。新码会替换旧码,有效期 5 分钟。',
    en: 'On the day, issue a code for the shift; volunteers enter it to check in and out. A new code replaces the old one and lasts 5 minutes.',
  },
  'org.none': { zh: '您的账号没有关联的组织。', en: 'Your account belongs to no organization.' },
  'org.empty': { zh: '本组织还没有发布活动。', en: 'No activities published yet.' },
  'org.issueCode': { zh: '生成签到码', en: 'Issue check-in code' },
  'org.reissue': { zh: '重新生成', en: 'Issue a new code' },
  'org.codeHint': { zh: '请志愿者在“签到签退”中输入', en: 'Volunteers enter it under “Check in/out”' },
  'org.signedUp': { zh: '已报名 {confirmed}/{capacity}', en: '{confirmed}/{capacity} signed up' },
  'org.codeExpired': { zh: '签到码已过期,请重新生成。', en: 'The code expired; issue a new one.' },

  'pending.title': { zh: '待审核的服务时长', en: 'Hours awaiting verification' },
  'pending.subtitle': {
    zh: '核对志愿者的签到记录。可调整时长(须填写说明),或说明原因后不予通过。',
    en: 'Check each record. You may adjust the minutes (with a note) or reject with a reason.',
  },
  'pending.empty': { zh: '没有待审核的时长。', en: 'Nothing to verify.' },
  'pending.recorded': { zh: '记录时长 {n} 分钟', en: 'Recorded {n} min' },
  'pending.estimate': { zh: '按记录约 {n} 积分', en: 'About {n} points as recorded' },
  'pending.adjustMinutes': { zh: '认定时长(分钟,可选)', en: 'Minutes to credit (optional)' },
  'pending.note': { zh: '调整说明', en: 'Note on the adjustment' },
  'pending.verify': { zh: '通过', en: 'Verify' },
  'pending.reason': { zh: '不通过的原因', en: 'Reason for rejecting' },
  'pending.reject': { zh: '不通过', en: 'Reject' },
  'pending.noteRequired': { zh: '调整时长时须填写说明。', en: 'A note is required when adjusting the minutes.' },
  'pending.reasonRequired': { zh: '请填写不通过的原因。', en: 'Please give a reason.' },
  'pending.invalidMinutes': { zh: '时长须为不小于 0 的整数。', en: 'Minutes must be a whole number, 0 or more.' },
  'pending.verified': {
    zh: '已认证 {name} 的时长:{minutes} 分钟,{points} 积分。',
    en: 'Verified {name}: {minutes} min, {points} points.',
  },
  'pending.rejected': { zh: '已退回 {name} 的时长。', en: 'Rejected the hours of {name}.' },

  'confirm.title': { zh: '核销兑换码', en: 'Confirm a redemption' },
  'confirm.hint': { zh: '输入顾客出示的 8 位核销码,核对物品后交付。', en: 'Enter the 8-digit code the customer shows, then hand over the reward.' },
  'confirm.code': { zh: '核销码', en: 'Redemption code' },
  'confirm.submit': { zh: '确认核销', en: 'Confirm' },
  'confirm.invalidCode': { zh: '核销码是 8 位数字。', en: 'The code is 8 digits.' },
  'confirm.reward': { zh: '兑换物品', en: 'Reward' },
  'confirm.points': { zh: '积分', en: 'Points' },
  'confirm.status': { zh: '状态', en: 'Status' },
  'confirm.success': { zh: '核销成功,请交付物品。', en: 'Confirmed. Please hand over the reward.' },

  'shop.title': { zh: '本店兑换记录', en: 'This shop’s redemptions' },
  'shop.received': { zh: '本店收到的积分', en: 'Points received' },
  'shop.completed': { zh: '已完成兑换', en: 'Completed redemptions' },
  'shop.empty': { zh: '本店还没有兑换记录。', en: 'No redemptions at this shop yet.' },

  'admin.title': { zh: '联盟商户概览', en: 'Alliance merchants' },
  'admin.subtitle': { zh: '各商户上架的奖品及其积分账户。', en: 'Rewards listed by each shop, and its points account.' },
  'admin.merchant': { zh: '商户', en: 'Shop' },
  'admin.rewards': { zh: '上架奖品', en: 'Rewards' },
  'admin.stock': { zh: '库存合计', en: 'Total stock' },
  'admin.balance': { zh: '账户积分', en: 'Account balance' },
  'admin.activities': { zh: '已发布活动', en: 'Published activities' },
  'admin.places': { zh: '剩余名额', en: 'Places left' },

  'field.code': { zh: '码', en: 'code' },
  'field.minutes': { zh: '时长', en: 'minutes' },
  'field.note': { zh: '说明', en: 'note' },
  'field.reason': { zh: '原因', en: 'reason' },
  'field.shiftId': { zh: '班次', en: 'shift' },
  'field.activityId': { zh: '活动', en: 'activity' },
  'field.rewardId': { zh: '奖品', en: 'reward' },
  'field.redemptionId': { zh: '兑换', en: 'redemption' },
  'field.hourLogId': { zh: '时长记录', en: 'hour log' },
  'field.userId': { zh: '账号', en: 'account' },
  'field.claimId': { zh: '报名', en: 'claim' },
  'field.callId': { zh: '紧急召集', en: 'call' },
  'field.wishId': { zh: '心愿', en: 'wish' },
  'field.title': { zh: '标题', en: 'title' },
  'field.address': { zh: '地址', en: 'address' },
  'field.contactName': { zh: '联系人', en: 'contact name' },
  'field.contactPhone': { zh: '联系电话', en: 'contact phone' },
  'field.audience': { zh: '参与对象', en: 'audience' },
  'field.orgId': { zh: '组织', en: 'organization' },
  'field.gridId': { zh: '网格', en: 'grid' },
  'field.cursor': { zh: '分页', en: 'page' },
  'field.Idempotency-Key': { zh: '请求标识', en: 'Idempotency-Key' },
  'field.body': { zh: '请求内容', en: 'request body' },

  'error.title': { zh: '操作未成功', en: 'That did not work' },
  'error.NETWORK': { zh: '网络连接失败,请检查网络后重试。', en: 'Could not reach the server. Check your connection and try again.' },
  'error.INTERNAL': { zh: '服务器出了点问题,请稍后重试。', en: 'Something went wrong on our side. Please try again.' },
  'error.VALIDATION_FAILED': { zh: '提交的内容有误。', en: 'Some fields are not valid.' },
  'error.MALFORMED_JSON': { zh: '请求格式有误。', en: 'The request was malformed.' },
  'error.UNAUTHORIZED': { zh: '登录已失效,请重新登录。', en: 'Your session has ended. Please sign in again.' },
  'error.FORBIDDEN': { zh: '您没有权限进行此操作。', en: 'You are not allowed to do this.' },
  'error.ROUTE_NOT_FOUND': { zh: '服务暂不可用(接口不存在)。', en: 'This service is not available.' },
  'error.IDEMPOTENCY_KEY_REUSED': {
    zh: '此操作的请求标识已被另一请求使用,请重新操作。',
    en: 'This request key was already used for another request. Please try again.',
  },
  'error.REQUEST_IN_PROGRESS': { zh: '上一次操作仍在处理中,请稍候。', en: 'Your previous attempt is still being processed.' },
  'error.SHIFT_FULL': { zh: '该班次名额已满。', en: 'This shift is full.' },
  'error.BUSY': { zh: '报名人数太多,请稍后重试。', en: 'Many people are signing up right now. Please try again in a moment.' },
  'error.OVERLAPPING_CLAIM': { zh: '您在同一时间已报名了其他班次。', en: 'You already hold a shift at that time.' },
  'error.ACTIVITY_NOT_OPEN': { zh: '该活动尚未发布或已取消。', en: 'This activity is not open for claims.' },
  'error.CANCELLATION_CLOSED': { zh: '已过取消截止时间,请联系组织者。', en: 'The cancellation deadline has passed; contact the organizer.' },
  'error.CLAIM_NOT_ACTIVE': { zh: '该报名已取消。', en: 'This claim is no longer active.' },
  'error.ACTIVITY_STATUS': { zh: '活动当前状态不允许此操作。', en: 'The activity\'s status does not allow this.' },
  'error.SHIFT_ENDED': { zh: '该班次已结束。', en: 'This shift has ended.' },
  'error.ALREADY_CLAIMED': { zh: '您已报名该班次。', en: 'You have already claimed this shift.' },
  'error.AUDIENCE_MISMATCH': { zh: '该活动仅限特定人群报名。', en: 'This activity is for a specific group only.' },
  'error.NOT_IN_AUDIENCE': { zh: '该活动仅限特定人群报名。', en: 'This activity is for a specific group only.' },
  'error.ACTIVITY_NOT_FOUND': { zh: '找不到该活动。', en: 'Activity not found.' },
  'error.SHIFT_NOT_FOUND': { zh: '找不到该班次。', en: 'Shift not found.' },
  'error.CODE_EXPIRED': { zh: '该码已过期,请重新获取。', en: 'This code has expired; get a new one.' },
  'error.CODE_INVALID': { zh: '代码不正确,请核对后重试。', en: 'The code is not right. Please check it.' },
  'error.INVALID_CODE': { zh: '代码不正确,请核对后重试。', en: 'The code is not right. Please check it.' },
  'error.CODE_NOT_FOUND': { zh: '代码不正确,请核对后重试。', en: 'The code is not right. Please check it.' },
  'error.NOT_ON_ROSTER': { zh: '您没有报名该班次,不能签到。', en: 'You have not claimed this shift, so you cannot check in.' },
  'error.ALREADY_CHECKED_IN': { zh: '您已经签到过了。', en: 'You are already checked in.' },
  'error.NOT_CHECKED_IN': { zh: '您还没有签到。', en: 'You have not checked in.' },
  'error.ALREADY_CHECKED_OUT': { zh: '您已经签退过了。', en: 'You have already checked out.' },
  'error.HOURLOG_NOT_FOUND': { zh: '找不到该时长记录。', en: 'Hour log not found.' },
  'error.HOURS_NOT_PENDING': { zh: '该时长记录已处理过。', en: 'These hours were already handled.' },
  'error.INVALID_STATE': { zh: '当前状态下不能进行此操作。', en: 'Not possible in the current state.' },
  'error.SELF_VERIFICATION': { zh: '不能审核自己的服务时长。', en: 'You cannot verify your own hours.' },
  'error.NOTE_REQUIRED': { zh: '调整时长时须填写说明。', en: 'A note is required when adjusting the minutes.' },
  'error.REWARD_NOT_FOUND': { zh: '找不到该奖品。', en: 'Reward not found.' },
  'error.OUT_OF_STOCK': { zh: '该奖品已兑完。', en: 'This reward is out of stock.' },
  'error.INSUFFICIENT_POINTS': { zh: '可用积分不足。', en: 'Not enough available points.' },
  'error.REDEMPTION_NOT_FOUND': { zh: '找不到该兑换,请核对核销码。', en: 'No such redemption. Please check the code.' },
  'error.REDEMPTION_EXPIRED': { zh: '该核销码已过期。', en: 'This redemption code has expired.' },
  'error.REDEMPTION_NOT_HELD': { zh: '该兑换当前不能核销。', en: 'This redemption cannot be confirmed now.' },
  'error.ALREADY_CONFIRMED': { zh: '该兑换已核销过。', en: 'This redemption was already confirmed.' },
  'error.WRONG_MERCHANT': { zh: '该兑换不属于本店。', en: 'This redemption belongs to another shop.' },
  'error.USER_NOT_FOUND': { zh: '找不到该账号。', en: 'Unknown account.' },
  'error.AUDIENCE_RESTRICTED': { zh: '该活动仅限特定人群报名。', en: 'This activity is for a specific group only.' },
  'error.CODE_SUPERSEDED': { zh: '组织者已生成新的签到码,请使用最新的签到码。', en: 'A newer code replaced this one. Use the latest code.' },
  'error.OUTSIDE_SHIFT_WINDOW': {
    zh: '不在签到时间内:班次开始前 30 分钟开放签到,班次结束即关闭。',
    en: 'Not open now: check-in opens 30 minutes before the shift and closes when it ends.',
  },
  'error.NOT_VERIFIABLE': { zh: '只有已签退的时长才能审核。', en: 'Only checked-out hours can be decided.' },
  'error.ALREADY_VERIFIED': { zh: '该时长已经认证过了。', en: 'These hours are already verified.' },
  'error.CODE_SPACE_EXHAUSTED': { zh: '暂时无法生成新码,请重试。', en: 'No free code right now. Please try again.' },
  'error.NOT_YOUR_REDEMPTION': { zh: '该核销码属于其他商户。', en: 'This code belongs to another shop.' },
  'error.CODE_ALREADY_USED': { zh: '该核销码已经使用过了。', en: 'This code has already been used.' },
  'error.GRID_NOT_FOUND': { zh: '找不到该网格。', en: 'Grid not found.' },
  'error.TRANSFER_ID_REUSED': { zh: '重复的积分转账请求。', en: 'This transfer was already requested with other details.' },
  'error.fieldsLabel': { zh: '问题字段', en: 'Fields' },
  'error.NOT_REACHED': { zh: '该紧急召集不面向您所在的网格。', en: 'This call does not reach your grid.' },
  'error.ANSWER_CHANGED': { zh: '您的答复刚刚已变更,请重试。', en: 'Your answer changed meanwhile; try again.' },
  'error.OWN_WISH': { zh: '不能认领自己发布的心愿。', en: 'You cannot claim your own wish.' },
  'error.WISH_CHANGED': { zh: '该心愿刚刚有变化,请刷新后重试。', en: 'The wish changed meanwhile; refresh and try again.' },
  'error.WISH_NOT_OPEN': { zh: '该心愿已被认领或不再开放。', en: 'This wish is no longer open.' },
  'error.WISH_NOT_PENDING_REVIEW': { zh: '该心愿已审核过了。', en: 'This wish was already reviewed.' },
  'error.WISH_NOT_CLAIMED': { zh: '该心愿当前不能报告完成。', en: 'This wish cannot be reported fulfilled now.' },
  'error.WISH_NOT_FULFILLED': { zh: '该心愿尚未报告完成。', en: 'This wish has not been reported fulfilled.' },
  'error.WISH_NOT_FOUND': { zh: '找不到该心愿。', en: 'Wish not found.' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof dict;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(dict, key);

const interpolate = (text: string, vars?: Vars) =>
  vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;

export const translate = (lang: Lang, key: MessageKey, vars?: Vars): string => interpolate(dict[key][lang], vars);

const LANG_KEY = 'lianxin.lang';

const initialLang = (): Lang => {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable: default */
  }
  return 'zh';
};

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
}

const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      /* not persisted */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '连心 · 社区志愿服务' : 'Lianxin · Community volunteering';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars), locale: lang === 'zh' ? 'zh-CN' : 'en-GB' }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};
