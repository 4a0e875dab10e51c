import type { Principal } from '@lianxin/shared/auth/principal';

/**
 * The seeded demo district, drawn from the case studies in shared/seeds (浔阳区, 九江市:
 * 5 streets, 72 communities, 295 grids, a "love bank" with 联盛超市, youth volunteer teams).
 * A slice of it: 2 streets, 4 communities, 12 grids. Coordinates are around the real places.
 */
export interface Grid { gridId: string; name: string; nameEn: string; communityId: string; streetId: string; kind: string; center: { lat: number; lng: number } }
export interface Community { communityId: string; name: string; nameEn: string; streetId: string }
export interface Street { streetId: string; name: string; nameEn: string }

export const district = { districtId: 'd-xunyang', name: '浔阳区', nameEn: 'Xunyang District' };

export const streets: Street[] = [
  { streetId: 's-baishuihu', name: '白水湖街道', nameEn: 'Baishuihu Street' },
  { streetId: 's-renminlu', name: '人民路街道', nameEn: 'Renminlu Street' },
];

export const communities: Community[] = [
  { communityId: 'c-hubin', name: '湖滨社区', nameEn: 'Hubin Community', streetId: 's-baishuihu' },
  { communityId: 'c-yanshui', name: '烟水亭社区', nameEn: 'Yanshuiting Community', streetId: 's-baishuihu' },
  { communityId: 'c-dazhong', name: '大中路社区', nameEn: 'Dazhonglu Community', streetId: 's-renminlu' },
  { communityId: 'c-xunyangjie', name: '浔阳街社区', nameEn: 'Xunyangjie Community', streetId: 's-renminlu' },
];

const GRID_KINDS = ['resident-unit', 'business-district', 'property-management', 'resettlement'];
const CENTERS: Record<string, { lat: number; lng: number }> = {
  'c-hubin': { lat: 29.7071, lng: 115.9869 },
  'c-yanshui': { lat: 29.7112, lng: 115.9948 },
  'c-dazhong': { lat: 29.7149, lng: 116.0012 },
  'c-xunyangjie': { lat: 29.7178, lng: 115.9921 },
};

/** Three grids per community, a few hundred metres apart. */
export const grids: Grid[] = communities.flatMap((c) =>
  [0, 1, 2].map((i) => ({
    gridId: `g-${c.communityId.slice(2)}-${i + 1}`,
    name: `${c.name}第${i + 1}网格`,
    nameEn: `${c.nameEn} Grid ${i + 1}`,
    communityId: c.communityId,
    streetId: c.streetId,
    kind: GRID_KINDS[(i + c.communityId.length) % GRID_KINDS.length]!,
    center: { lat: CENTERS[c.communityId]!.lat + i * 0.0021, lng: CENTERS[c.communityId]!.lng + i * 0.0017 },
  })),
);

export interface Organization { orgId: string; name: string; nameEn: string; kind: 'youth_league' | 'community_party' | 'grid_party' | 'volunteer_studio'; gridIds: string[] }

export const organizations: Organization[] = [
  { orgId: 'org-ylc-xunyang', name: '共青团浔阳区委', nameEn: 'Xunyang Youth League Committee', kind: 'youth_league', gridIds: grids.map((g) => g.gridId) },
  { orgId: 'org-cpb-hubin', name: '湖滨社区党委', nameEn: 'Hubin Community Party Committee', kind: 'community_party', gridIds: grids.filter((g) => g.communityId === 'c-hubin').map((g) => g.gridId) },
];

export const alliance = { allianceId: 'al-xunyang', name: '浔阳商圈党建联盟', nameEn: 'Xunyang Business-District Party Alliance', pointValueFen: 10 };

export interface Merchant { merchantId: string; name: string; nameEn: string; kind: string; gridId: string; address: string }
export const merchants: Merchant[] = [
  { merchantId: 'm-liansheng', name: '联盛超市', nameEn: 'Liansheng Supermarket', kind: 'supermarket', gridId: 'g-hubin-1', address: '浔阳区湖滨路18号' },
  { merchantId: 'm-yanshui-tea', name: '烟水亭茶社', nameEn: 'Yanshuiting Teahouse', kind: 'teahouse', gridId: 'g-yanshui-2', address: '浔阳区烟水亭路6号' },
  { merchantId: 'm-dazhong-barber', name: '大中路便民理发店', nameEn: 'Dazhonglu Barbershop', kind: 'barbershop', gridId: 'g-dazhong-1', address: '浔阳区大中路102号' },
];

export interface Reward { rewardId: string; merchantId: string; title: string; titleEn: string; points: number; stock: number }
export const rewards: Reward[] = [
  { rewardId: 'r-rice-5kg', merchantId: 'm-liansheng', title: '5公斤大米', titleEn: '5 kg of rice', points: 120, stock: 20 },
  { rewardId: 'r-oil-1l', merchantId: 'm-liansheng', title: '1升食用油', titleEn: '1 L cooking oil', points: 80, stock: 30 },
  { rewardId: 'r-soap-set', merchantId: 'm-liansheng', title: '洗护套装', titleEn: 'Soap and shampoo set', points: 50, stock: 40 },
  { rewardId: 'r-tea-pot', merchantId: 'm-yanshui-tea', title: '一壶庐山云雾茶', titleEn: 'A pot of Lushan Yunwu tea', points: 40, stock: 25 },
  { rewardId: 'r-haircut', merchantId: 'm-dazhong-barber', title: '理发一次', titleEn: 'One haircut', points: 60, stock: 15 },
];

export interface DemoPerson extends Principal { title: string; titleEn: string }

const volunteer = (userId: string, name: string, gridId: string, tags: Principal['tags'], title: string, titleEn: string): DemoPerson => ({
  userId, name, roles: ['volunteer'], tags, scopes: [`grid:${gridId}`], gridId, title, titleEn,
});

const demoPeople: Omit<DemoPerson, 'phone'>[] = [
  { userId: 'u-wangqing', name: '王青', roles: ['organizer'], tags: ['league_member'], scopes: ['org:org-ylc-xunyang'], title: '团区委青年组织者', titleEn: 'Youth League organizer' },
  { userId: 'u-lihong', name: '李红', roles: ['organizer', 'volunteer'], tags: ['party_member'], scopes: ['org:org-cpb-hubin', 'grid:g-hubin-1'], gridId: 'g-hubin-1', title: '湖滨社区党委书记', titleEn: 'Hubin community party secretary' },
  volunteer('u-zhangwei', '张伟', 'g-hubin-1', ['in_service_party_member', 'party_member'], '在职党员(双报到)', 'In-service party member'),
  volunteer('u-chenjing', '陈静', 'g-hubin-2', ['league_member'], '青年志愿者', 'Youth volunteer'),
  volunteer('u-liuyang', '刘洋', 'g-hubin-3', ['league_member'], '青年志愿者', 'Youth volunteer'),
  volunteer('u-zhaomin', '赵敏', 'g-yanshui-1', ['in_service_party_member', 'party_member'], '在职党员(双报到)', 'In-service party member'),
  volunteer('u-sunli', '孙丽', 'g-yanshui-2', [], '居民志愿者', 'Resident volunteer'),
  volunteer('u-zhoujie', '周杰', 'g-yanshui-3', ['league_member'], '青年志愿者', 'Youth volunteer'),
  volunteer('u-wufang', '吴芳', 'g-dazhong-1', ['party_member'], '退休党员', 'Retired party member'),
  volunteer('u-zhengqiang', '郑强', 'g-dazhong-2', ['in_service_party_member', 'party_member'], '在职党员(双报到)', 'In-service party member'),
  volunteer('u-fengxue', '冯雪', 'g-xunyangjie-1', ['league_member'], '大学生志愿者', 'Student volunteer'),
  volunteer('u-heping', '何平', 'g-xunyangjie-2', [], '居民志愿者', 'Resident volunteer'),
  { userId: 'u-shop-liansheng', name: '联盛超市店长', roles: ['merchant'], tags: [], scopes: ['merchant:m-liansheng', 'alliance:al-xunyang'], title: '联盛超市', titleEn: 'Liansheng Supermarket' },
  { userId: 'u-shop-tea', name: '烟水亭茶社掌柜', roles: ['merchant'], tags: [], scopes: ['merchant:m-yanshui-tea', 'alliance:al-xunyang'], title: '烟水亭茶社', titleEn: 'Yanshuiting Teahouse' },
  { userId: 'u-shop-barber', name: '便民理发店师傅', roles: ['merchant'], tags: [], scopes: ['merchant:m-dazhong-barber', 'alliance:al-xunyang'], title: '大中路便民理发店', titleEn: 'Dazhonglu Barbershop' },
  { userId: 'u-admin', name: '街道党工委管理员', roles: ['admin'], tags: [], scopes: ['alliance:al-xunyang', 'org:org-ylc-xunyang', 'org:org-cpb-hubin'], title: '联盟管理员', titleEn: 'Alliance administrator' },
];

/**
 * Every demo person is a real user of the local Cognito emulator: signed in with their
 * mobile number (+86 138 0000 00NN, in this order) and the one demo password, which
 * `npm start` prints. Local stage only: the AWS stages have no demo people.
 */
export const DEMO_PASSWORD = 'Lianxin2026';
export const people: Array<DemoPerson & { phone: string }> = demoPeople.map((p, i) => ({ ...p, phone: `+8613800000${String(i + 1).padStart(3, '0')}` }));

export interface DemoShift { offsetMinutes: number; durationMinutes: number; capacity: number }
export interface DemoActivity {
  key: string; orgId: string; organizerId: string; title: string; description: string; category: string; gridId: string; address: string;
  pointsPerHour: number; audience: 'everyone' | 'league_member' | 'party_member'; skills: string[]; shifts: DemoShift[];
}

/** Shift times are relative to seeding time, so the demo always has a shift running now. */
export const activities: DemoActivity[] = [
  { key: 'clean-hubin', orgId: 'org-cpb-hubin', organizerId: 'u-lihong', title: '湖滨环境清洁日', description: '清理湖滨步道垃圾,整理共享单车。', category: '环境', gridId: 'g-hubin-1', address: '湖滨路步道入口', pointsPerHour: 10, audience: 'everyone', skills: [], shifts: [{ offsetMinutes: -30, durationMinutes: 180, capacity: 8 }, { offsetMinutes: 24 * 60, durationMinutes: 120, capacity: 8 }] },
  { key: 'elder-visit', orgId: 'org-cpb-hubin', organizerId: 'u-lihong', title: '独居老人上门探访', description: '陪伴独居老人聊天、测量血压、检查燃气安全。', category: '助老', gridId: 'g-hubin-2', address: '湖滨社区党群服务中心', pointsPerHour: 15, audience: 'party_member', skills: ['护理'], shifts: [{ offsetMinutes: 2 * 24 * 60, durationMinutes: 180, capacity: 4 }] },
  { key: 'homework', orgId: 'org-ylc-xunyang', organizerId: 'u-wangqing', title: '四点半课堂作业辅导', description: '为双职工家庭孩子辅导作业。', category: '助学', gridId: 'g-yanshui-1', address: '烟水亭社区四点半课堂', pointsPerHour: 12, audience: 'everyone', skills: ['教学'], shifts: [{ offsetMinutes: 24 * 60 + 60, durationMinutes: 120, capacity: 6 }, { offsetMinutes: 3 * 24 * 60 + 60, durationMinutes: 120, capacity: 6 }] },
  { key: 'civility', orgId: 'org-ylc-xunyang', organizerId: 'u-wangqing', title: '文明交通劝导', description: '早高峰路口文明交通劝导。', category: '文明实践', gridId: 'g-dazhong-1', address: '大中路与浔阳路交叉口', pointsPerHour: 10, audience: 'league_member', skills: [], shifts: [{ offsetMinutes: 20 * 60, durationMinutes: 90, capacity: 10 }] },
  { key: 'legal-aid', orgId: 'org-ylc-xunyang', organizerId: 'u-wangqing', title: '社区法律咨询', description: '律师志愿者为居民提供免费法律咨询。', category: '法律', gridId: 'g-xunyangjie-2', address: '浔阳街社区议事厅', pointsPerHour: 20, audience: 'everyone', skills: ['法律'], shifts: [{ offsetMinutes: 4 * 24 * 60, durationMinutes: 240, capacity: 3 }] },
  { key: 'health-check', orgId: 'org-cpb-hubin', organizerId: 'u-lihong', title: '义诊与健康讲座', description: '医护志愿者测血糖、讲解慢病管理。', category: '医疗', gridId: 'g-hubin-3', address: '湖滨社区广场', pointsPerHour: 18, audience: 'everyone', skills: ['医疗'], shifts: [{ offsetMinutes: 5 * 24 * 60, durationMinutes: 180, capacity: 5 }] },
];
