import { z } from '@hono/zod-openapi';
import type { Principal } from '@lianxin/shared/auth/principal';
import { notFound } from '@lianxin/shared/errors';
import { principalOf, type ServiceApp } from '@lianxin/shared/http/app';
import { decisionEvent } from '../domain/decisionEvents';
import { notVerifiable } from '../domain/errors';
import type { HourLog } from '../domain/hourLog';
import { type Result, must } from '../domain/result';
import { refusalToDecide, reject, verify } from '../domain/verification';
import { findHourLog, moveHourLog } from '../store/hourLogs';
import type { Clock } from '@lianxin/shared/clock';
import { errorResponses, jsonBody, jsonContent, securedRoute } from './openapi';
import { HourLogSchema, RejectBody, VerifyBody, viewOf } from './schemas';

const getHourLog = async (hourLogId: string): Promise<HourLog> => {
  const log = await findHourLog(hourLogId);
  if (!log) throw notFound('hourLog', hourLogId);
  return log;
};

/**
 * Apply an organizer's decision: the new state and its event commit together, conditional
 * on the log still awaiting a decision, so concurrent decisions yield exactly one event.
 */
const decide = async (hourLogId: string, decider: Principal, rule: (log: HourLog) => Result<HourLog>, at: Date) => {
  const next = must(rule(await getHourLog(hourLogId)));
  if (await moveHourLog(next, 'checked_out', decisionEvent(next, at))) return next;
  // Someone else decided first: refuse with what the log says now.
  throw refusalToDecide(await getHourLog(hourLogId), decider) ?? notVerifiable();
};

const decisionRoute = <S extends z.ZodType>(app: ServiceApp, action: 'verify' | 'reject', body: S, summary: string) =>
  securedRoute(app, {
    method: 'post',
    path: `/hours/{hourLogId}/${action}`,
    tags: ['verification'],
    summary,
    request: { params: z.object({ hourLogId: z.string().min(1) }), body: jsonBody(body) },
    responses: { 200: jsonContent(HourLogSchema, 'The decided hour log'), ...errorResponses(400, 401, 403, 404, 409) },
  });

export const registerDecisionRoutes = (app: ServiceApp, now: Clock) => {
  const decideAs = async (decider: Principal, hourLogId: string, rule: (log: HourLog, decider: Principal, at: Date) => Result<HourLog>) => {
    const at = now();
    return viewOf(await decide(hourLogId, decider, (log) => rule(log, decider, at), at));
  };

  const verifyRoute = decisionRoute(app, 'verify', VerifyBody, 'Verify checked-out hours (adjusted minutes need a note); emits HoursVerified.v1');
  app.openapi(verifyRoute, async (c) =>
    c.json(await decideAs(principalOf(c), c.req.valid('param').hourLogId, (log, by, at) => verify(log, by, c.req.valid('json'), at)), 200),
  );

  const rejectRoute = decisionRoute(app, 'reject', RejectBody, 'Reject checked-out hours with a reason; emits HoursRejected.v1');
  app.openapi(rejectRoute, async (c) =>
    c.json(await decideAs(principalOf(c), c.req.valid('param').hourLogId, (log, by, at) => reject(log, by, c.req.valid('json'), at)), 200),
  );
};
