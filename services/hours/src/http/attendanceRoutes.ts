import { principalOf, type ServiceApp } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { idempotent } from '@lianxin/shared/http/idempotency';
import { type CheckinCode, liveCode } from '../domain/codes';
import { notCheckedIn } from '../domain/errors';
import { checkIn, checkOut, hourLogIdOf } from '../domain/hourLog';
import { must } from '../domain/result';
import { currentCodeOf, findCode } from '../store/codes';
import { createOrFindHourLog, findHourLog, moveHourLog } from '../store/hourLogs';
import { getShift, isOnRoster } from '../store/shifts';
import { table } from '../store/table';
import type { Clock } from '@lianxin/shared/clock';
import { errorResponses, jsonBody, jsonContent, securedRoute } from './openapi';
import { CodeBody, HourLogSchema, viewOf } from './schemas';

/** The code a volunteer typed, if it still works (404 unknown, 410 expired or superseded). */
const resolveLiveCode = async (typed: string, now: Date): Promise<CheckinCode> => {
  const found = await findCode(typed);
  const current = found && (await currentCodeOf(found.shiftId));
  return must(liveCode(found, current, now));
};

export const registerAttendanceRoutes = (app: ServiceApp, now: Clock) => {
  const checkInRoute = securedRoute(
    app,
    {
      method: 'post',
      path: '/hours/check-in',
      tags: ['check-in'],
      summary: 'Check in to a shift with the code the organizer shows (repeating it answers the same log)',
      request: { body: jsonBody(CodeBody) },
      responses: { 201: jsonContent(HourLogSchema, 'The hour log'), ...errorResponses(400, 401, 403, 404, 409, 410, 422) },
    },
    idempotent(table),
  );
  app.openapi(checkInRoute, async (c) => {
    const volunteer = principalOf(c);
    requireRole(volunteer, 'volunteer');
    const at = now();
    const { shiftId } = await resolveLiveCode(c.req.valid('json').code, at);
    const [shift, onRoster] = await Promise.all([getShift(shiftId), isOnRoster(shiftId, volunteer.userId)]);
    const log = await createOrFindHourLog(must(checkIn(shift, volunteer, onRoster, at)));
    return c.json(viewOf(log), 201);
  });

  const checkOutRoute = securedRoute(app, {
    method: 'post',
    path: '/hours/check-out',
    tags: ['check-in'],
    summary: 'Check out of the shift with a live code of that shift; the minutes are capped at the shift length',
    request: { body: jsonBody(CodeBody) },
    responses: { 200: jsonContent(HourLogSchema, 'The checked-out hour log'), ...errorResponses(400, 401, 403, 404, 409, 410) },
  });
  app.openapi(checkOutRoute, async (c) => {
    const volunteer = principalOf(c);
    requireRole(volunteer, 'volunteer');
    const at = now();
    const { shiftId } = await resolveLiveCode(c.req.valid('json').code, at);
    const [shift, log] = await Promise.all([getShift(shiftId), findHourLog(hourLogIdOf(shiftId, volunteer.userId))]);
    const next = must(checkOut(log, shift, at));
    if (!(await moveHourLog(next, 'checked_in'))) throw notCheckedIn();
    return c.json(viewOf(next), 200);
  });
};
