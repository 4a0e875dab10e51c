import { z } from '@hono/zod-openapi'; // zod with .openapi(), whichever module loads first
import type { Principal } from '@lianxin/shared/auth/principal';
import { scopeIds } from '@lianxin/shared/auth/principal';
import { AppError, notFound } from '@lianxin/shared/errors';
import type { GridEntry, OrganizationEntry } from '../directory';

/**
 * An emergency call (平急结合): an organizer mobilises the volunteers of some grids at once.
 * Until the target headcount accepts, the call widens on a timer: its grids → every grid
 * of their communities → every grid of their streets.
 */
export const LEVELS = ['grids', 'community', 'street'] as const;
export type Level = (typeof LEVELS)[number];

export const ANSWERS = ['accept', 'decline'] as const;
export type Answer = (typeof ANSWERS)[number];

export const IssueCallInput = z.object({
  orgId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(100),
  description: z.string().max(1000).default(''),
  gridIds: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a grid'),
  targetHeadcount: z.number().int().min(1).max(500),
  musterPoint: z.object({
    address: z.string().trim().min(1).max(200),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
  }),
  escalateAfterMinutes: z.number().int().min(1).max(240).default(15),
});
export type IssueCallInput = z.infer<typeof IssueCallInput>;

export const RespondInput = z.object({ answer: z.enum(ANSWERS) });

export interface EmergencyCall {
  callId: string;
  orgId: string;
  title: string;
  description: string;
  gridIds: string[];
  /** The communities and streets of `gridIds`: where escalation widens to. */
  communityIds: string[];
  streetIds: string[];
  targetHeadcount: number;
  musterPoint: { address: string; lat: number; lng: number };
  escalateAfterMinutes: number;
  level: Level;
  accepted: number;
  declined: number;
  status: 'open';
  issuedBy: string;
  issuedAt: string;
  /** When the call widens next if still short; absent once it cannot or need not widen. */
  escalateAt?: string;
}

const MINUTE = 60_000;
const unique = (ids: string[]) => [...new Set(ids)];
const after = (now: Date, minutes: number) => new Date(now.getTime() + minutes * MINUTE).toISOString();

/** The organization issuing the call: the named one, or any of the caller's serving every grid. */
export const issuingOrganization = (p: Principal, orgs: OrganizationEntry[], gridIds: string[], requested?: string): string => {
  const mine = new Set(scopeIds(p, 'org'));
  if (requested !== undefined && !mine.has(requested)) {
    throw new AppError(403, 'FORBIDDEN', 'You do not organize for this organization', { orgId: 'not one of your organizations' });
  }
  const covering = orgs.find(
    (o) => mine.has(o.orgId) && (requested === undefined || o.orgId === requested) && gridIds.every((g) => o.gridIds.includes(g)),
  );
  if (!covering) throw new AppError(403, 'FORBIDDEN', 'None of your organizations serves all these grids', { gridIds: 'not all served by your organization' });
  return covering.orgId;
};

export interface IssueCommand { callId: string; orgId: string; input: IssueCallInput; grids: (GridEntry | undefined)[]; issuedBy: string }

export const planCall = ({ callId, orgId, input, grids, issuedBy }: IssueCommand, now: Date): EmergencyCall => {
  const found = grids.filter((g): g is GridEntry => g !== undefined);
  const missing = input.gridIds.find((id) => !found.some((g) => g.gridId === id));
  if (missing) throw notFound('grid', missing);
  return {
    callId,
    orgId,
    title: input.title,
    description: input.description,
    gridIds: input.gridIds,
    communityIds: unique(found.map((g) => g.communityId)),
    streetIds: unique(found.map((g) => g.streetId)),
    targetHeadcount: input.targetHeadcount,
    musterPoint: input.musterPoint,
    escalateAfterMinutes: input.escalateAfterMinutes,
    level: 'grids',
    accepted: 0,
    declined: 0,
    status: 'open',
    issuedBy,
    issuedAt: now.toISOString(),
    escalateAt: after(now, input.escalateAfterMinutes),
  };
};

export type EscalationPlan =
  | { kind: 'wait' }
  | { kind: 'settle' }
  | { kind: 'widen'; level: Exclude<Level, 'grids'>; escalateAt?: string };

/**
 * What a due call needs now: nothing yet, to leave the timer (the target is met, or it is
 * street-wide already), or to widen one level; the street level has no further timer.
 */
export const planEscalation = (call: EmergencyCall, now: Date): EscalationPlan => {
  if (!call.escalateAt || Date.parse(call.escalateAt) > now.getTime()) return { kind: 'wait' };
  if (call.accepted >= call.targetHeadcount || call.level === 'street') return { kind: 'settle' };
  if (call.level === 'grids') return { kind: 'widen', level: 'community', escalateAt: after(now, call.escalateAfterMinutes) };
  return { kind: 'widen', level: 'street' };
};

/** Where a call reaches at its level: a grid, a community or a street (`kind:id`). */
export const reachTargets = (call: Pick<EmergencyCall, 'gridIds' | 'communityIds' | 'streetIds'>, level: Level): string[] => {
  if (level === 'grids') return call.gridIds.map((id) => `grid:${id}`);
  if (level === 'community') return call.communityIds.map((id) => `community:${id}`);
  return call.streetIds.map((id) => `street:${id}`);
};

/** A volunteer's grids: the grid they live in and any `grid:` scopes. */
export const volunteerGridIds = (p: Principal): string[] => unique([...(p.gridId ? [p.gridId] : []), ...scopeIds(p, 'grid')]);

/** Every target a volunteer living in these grids is reached through. */
export const targetsOf = (grids: GridEntry[]): string[] =>
  unique(grids.flatMap((g) => [`grid:${g.gridId}`, `community:${g.communityId}`, `street:${g.streetId}`]));

/** Reached when one of the volunteer's grids, communities or streets is a target at the call's level or below. */
export const reaches = (call: EmergencyCall, grids: GridEntry[]): boolean => {
  const levels = LEVELS.slice(0, LEVELS.indexOf(call.level) + 1);
  const reached = new Set(levels.flatMap((level) => reachTargets(call, level)));
  return targetsOf(grids).some((t) => reached.has(t));
};

/** The counter changes of a (possibly changed) answer; undefined when nothing changes. */
export const answerDelta = (previous: Answer | undefined, answer: Answer): { accepted: number; declined: number } | undefined => {
  if (previous === answer) return undefined;
  const count = (a: Answer | undefined, which: Answer) => (a === which ? 1 : 0);
  return {
    accepted: count(answer, 'accept') - count(previous, 'accept'),
    declined: count(answer, 'decline') - count(previous, 'decline'),
  };
};

export const headcount = (call: EmergencyCall) => ({
  accepted: call.accepted,
  declined: call.declined,
  target: call.targetHeadcount,
  reachedGridIds: call.gridIds,
  reachedCommunityIds: call.level === 'grids' ? [] : call.communityIds,
  reachedStreetIds: call.level === 'street' ? call.streetIds : [],
  level: call.level,
});

export const callView = (call: EmergencyCall) => ({ ...call, headcount: headcount(call) });
