import { ALL_ROLES, type Rule } from '../rule';

/**
 * Check-in codes, attendance and the verification of hours: one action per route. The
 * scoped actions are asked again by the use case once the shift or log (its orgId) is loaded.
 */
export const hoursPolicy = {
  /** POST /shifts/{shiftId}/checkin-codes: an organizer of the shift's organization. */
  'checkinCode.issue': { roles: ['organizer'], scope: 'org' },
  /** POST /hours/check-in (the roster decides whose claim it is). */
  'hours.checkIn': { roles: ['volunteer'] },
  /** POST /hours/check-out (only one's own log can be checked out). */
  'hours.checkOut': { roles: ['volunteer'] },
  /** GET /me/hours: anyone signed in sees their own logs. */
  'hours.readOwn': { roles: ALL_ROLES },
  /** GET /hours/pending: the list holds only the caller's own organizations. */
  'hours.listPending': { roles: ['organizer'] },
  /** POST /hours/{hourLogId}/verify: an organizer of the log's organization (never for their own hours). */
  'hours.verify': { roles: ['organizer'], scope: 'org' },
  /** POST /hours/{hourLogId}/reject: likewise. */
  'hours.reject': { roles: ['organizer'], scope: 'org' },
  /** GET /hours/admin-log: every verification and rejection (actors, organizations, minutes credited). */
  'hours.adminLog': { roles: ['admin'] },
} as const satisfies Record<string, Rule>;
