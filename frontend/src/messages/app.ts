import type { Messages } from './lang';

/** The shell: brand, header, roles, login, tabs and the words every screen uses. */
export const appMessages = {
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

  'tab.wishes': { zh: '微心愿', en: 'Micro-wishes' },
  'tab.wishReview': { zh: '心愿审核', en: 'Review wishes' },
} satisfies Messages;
