import { type Principal, hasRole, scopeIds } from '@lianxin/shared/auth/principal';
import type { Viewer } from '../domain/view';

/** The shops a person acts for are their `merchant:<id>` scopes, and only with the merchant role. */
export const viewerOf = (p: Principal): Viewer => ({
  userId: p.userId,
  merchantIds: hasRole(p, 'merchant') ? scopeIds(p, 'merchant') : [],
});

