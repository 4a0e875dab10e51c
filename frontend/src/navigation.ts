import type { User } from './api/session';

/** The portal's screens; each role brings some of them (App.tsx's tabs). */
export type TabId =
  | 'activities'
  | 'claims'
  | 'checkin'
  | 'hours'
  | 'points'
  | 'rewards'
  | 'redemptions'
  | 'wishes'
  | 'wish-review'
  | 'org-activities'
  | 'pending'
  | 'confirm'
  | 'shop-redemptions'
  | 'overview'
  | 'grants'
  | 'registrations'
  | 'profile';

/** What every screen is given: who is signed in, and a way to open another screen. */
export interface ViewProps {
  user: User;
  go: (tab: TabId) => void;
}
