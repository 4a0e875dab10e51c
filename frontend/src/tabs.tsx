import type { ReactNode } from 'react';
import type { Role, User } from './api/session';
import type { MessageKey } from './i18n';
import type { TabId, ViewProps } from './navigation';
import { Grants } from './views/admin/grants';
import { AdminOverview } from './views/admin/overview';
import { ConfirmRedemption } from './views/merchant/confirm';
import { ShopRedemptions } from './views/merchant/shop';
import { OrgActivities } from './views/organizer/activities';
import { PendingHours } from './views/organizer/pending';
import { Registrations } from './views/organizer/registrations';
import { MyProfile } from './views/profile/MyProfile';
import { Activities } from './views/volunteer/activities';
import { CheckInOut } from './views/volunteer/checkin';
import { MyClaims } from './views/volunteer/claims';
import { MyHours } from './views/volunteer/hours';
import { MyPoints } from './views/volunteer/points';
import { MyRedemptions } from './views/volunteer/redemptions';
import { Rewards } from './views/volunteer/rewards';
import { ReviewWishes } from './views/wishes/review';
import { Wishes } from './views/wishes/wishes';

export interface Tab {
  id: TabId;
  label: MessageKey;
  render: (props: ViewProps) => ReactNode;
}

/** The tabs each role brings; a person with several roles gets each role's tabs. */
const TABS_BY_ROLE: Record<Role, Tab[]> = {
  volunteer: [
    { id: 'activities', label: 'tab.activities', render: (p) => <Activities {...p} /> },
    { id: 'claims', label: 'tab.claims', render: (p) => <MyClaims {...p} /> },
    { id: 'checkin', label: 'tab.checkin', render: () => <CheckInOut /> },
    { id: 'hours', label: 'tab.hours', render: () => <MyHours /> },
    { id: 'points', label: 'tab.points', render: () => <MyPoints /> },
    { id: 'rewards', label: 'tab.rewards', render: () => <Rewards /> },
    { id: 'redemptions', label: 'tab.redemptions', render: () => <MyRedemptions /> },
    { id: 'wishes', label: 'tab.wishes', render: (p) => <Wishes {...p} /> },
  ],
  organizer: [
    { id: 'org-activities', label: 'tab.orgActivities', render: (p) => <OrgActivities {...p} /> },
    { id: 'pending', label: 'tab.pending', render: () => <PendingHours /> },
    { id: 'wish-review', label: 'tab.wishReview', render: (p) => <ReviewWishes {...p} /> },
    { id: 'registrations', label: 'tab.registrations', render: () => <Registrations /> },
  ],
  merchant: [
    { id: 'confirm', label: 'tab.confirm', render: () => <ConfirmRedemption /> },
    { id: 'shop-redemptions', label: 'tab.shopRedemptions', render: (p) => <ShopRedemptions {...p} /> },
    { id: 'grants', label: 'tab.shopOperators', render: (p) => <Grants {...p} /> },
  ],
  admin: [
    { id: 'overview', label: 'tab.overview', render: () => <AdminOverview /> },
    { id: 'grants', label: 'tab.grants', render: (p) => <Grants {...p} /> },
    { id: 'registrations', label: 'tab.registrations', render: () => <Registrations /> },
  ],
};

/** Everyone's own account, whatever their roles. */
const ACCOUNT_TABS: Tab[] = [{ id: 'profile', label: 'tab.profile', render: (p) => <MyProfile {...p} /> }];

const ROLE_ORDER: Role[] = ['volunteer', 'organizer', 'merchant', 'admin'];

export interface TabGroup {
  key: Role | 'account';
  /** Shown only when the person has several roles. */
  label?: MessageKey;
  tabs: Tab[];
}

/**
 * The user's tabs grouped by role, in the user's own role order (their main role leads), then
 * their account. A screen two roles bring (an admin who is also a merchant: grants) appears once.
 */
export const tabGroupsOf = (user: User): TabGroup[] => {
  const roles = [...new Set(user.roles.filter((r): r is Role => ROLE_ORDER.includes(r)))];
  const labelled = roles.length > 1;
  const seen = new Set<TabId>();
  const fresh = (tab: Tab) => !seen.has(tab.id) && !!seen.add(tab.id);
  const groups: TabGroup[] = roles.map((role) => ({ key: role, ...(labelled ? { label: `roleOne.${role}` as const } : {}), tabs: TABS_BY_ROLE[role].filter(fresh) }));
  return [...groups.filter((g) => g.tabs.length), { key: 'account', ...(labelled ? { label: 'nav.account' as const } : {}), tabs: ACCOUNT_TABS }];
};
