import { ALL_ROLES, type Rule } from '../rule';

/**
 * Activities, shifts, claims, micro-wishes (微心愿), emergency calls (平急结合), statistics:
 * one action per route (a GET and its variant share one). Scoped actions are asked again
 * by the use case once the resource is loaded (`{ org: activity.orgId }`). Refusals that
 * are not about who the caller is (a claim must be one's own, only the wish's claimant
 * reports it fulfilled) stay rules of the service's domain.
 */
export const activitiesPolicy = {
  /** POST /activities */
  'activity.create': { roles: ['organizer'], scope: 'org' },
  /** PATCH /activities/{activityId} */
  'activity.edit': { roles: ['organizer'], scope: 'org' },
  /** POST /activities/{activityId}/publish */
  'activity.publish': { roles: ['organizer'], scope: 'org' },
  /** POST /activities/{activityId}/cancel */
  'activity.cancel': { roles: ['organizer'], scope: 'org' },
  /** GET /activities, GET /activities/{activityId} (a draft only for who may edit it: 404 otherwise) */
  'activity.read': { roles: ALL_ROLES },
  /** GET /shifts/{shiftId}/roster */
  'roster.read': { roles: ['organizer'], scope: 'org' },
  /** GET /me/schedule, GET /me/schedule.ics */
  'schedule.read': { roles: ['volunteer'] },
  /** POST /me/calendar-feeds (the feed itself, GET /feeds/{token}/schedule.ics, is public: its token is the capability) */
  'calendarFeed.create': { roles: ['volunteer'] },
  /** GET /me/calendar-feeds */
  'calendarFeed.listOwn': { roles: ['volunteer'] },
  /** DELETE /me/calendar-feeds/{feedId} (one's own: someone else's is not found) */
  'calendarFeed.revoke': { roles: ['volunteer'] },
  /** POST /activities/{activityId}/shifts/{shiftId}/claims */
  'claim.create': { roles: ['volunteer'] },
  /** DELETE /claims/{claimId} (one's own: someone else's is not found) */
  'claim.cancel': { roles: ['volunteer'] },
  /** GET /me/claims */
  'claim.listOwn': { roles: ['volunteer'] },
  /** GET /me/reliability */
  'reliability.readOwn': { roles: ['volunteer'] },
  /** GET /stats/participation: a place one of the organizer's organizations serves a grid of */
  'stats.read': { roles: ['organizer'], scope: 'org', anywhere: ['admin'] },
  /** POST /emergency-calls */
  'emergency.issue': { roles: ['organizer'], scope: 'org' },
  /** GET /emergency-calls (a volunteer's feed, an organizer's own calls) */
  'emergency.list': { roles: ['volunteer', 'organizer'] },
  /** GET /emergency-calls/{callId}: organizers of the issuing organization (volunteers the call reaches: a domain rule) */
  'emergency.read': { roles: ['volunteer', 'organizer'], scope: 'org', anywhere: ['admin'] },
  /** POST /emergency-calls/{callId}/responses (volunteers the call reaches) */
  'emergency.respond': { roles: ['volunteer'] },
  /** POST /wishes */
  'wish.post': { roles: ALL_ROLES },
  /** GET /wishes, GET /wishes/{wishId} */
  'wish.read': { roles: ALL_ROLES },
  /** POST /wishes/{wishId}/approve, /reject: organizers of an organization serving the wish's grid */
  'wish.vet': { roles: ['organizer'], scope: 'org', anywhere: ['admin'] },
  /** POST /wishes/{wishId}/claim (an organizer only on behalf of a unit) */
  'wish.claim': { roles: ['volunteer', 'organizer'] },
  /** POST /wishes/{wishId}/fulfil (the claimant) */
  'wish.fulfil': { roles: ALL_ROLES },
  /** POST /wishes/{wishId}/confirm (the resident who posted it) */
  'wish.confirm': { roles: ALL_ROLES },
} as const satisfies Record<string, Rule>;
