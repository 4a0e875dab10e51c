import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { IdempotencyHeaders, errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { checkIn } from '../../app/checkIn';
import { checkOut } from '../../app/checkOut';
import { CodeBody, HourLogSchema, viewOf } from '../schemas';

const checkInRoute = securedRoute({
  method: 'post',
  path: '/hours/check-in',
  action: 'hours.checkIn',
  idempotent: true,
  tags: ['check-in'],
  summary: 'Check in to a shift with the code the organizer shows (repeating it answers the same log)',
  request: { headers: IdempotencyHeaders, body: jsonBody(CodeBody) },
  responses: { 201: jsonContent(HourLogSchema, 'The hour log'), ...errorResponses(400, 401, 403, 404, 409, 410, 422) },
});

const checkOutRoute = securedRoute({
  method: 'post',
  path: '/hours/check-out',
  action: 'hours.checkOut',
  tags: ['check-in'],
  summary: 'Check out of the shift with a live code of that shift; the minutes are capped at the shift length',
  request: { body: jsonBody(CodeBody) },
  responses: { 200: jsonContent(HourLogSchema, 'The checked-out hour log'), ...errorResponses(400, 401, 403, 404, 409, 410) },
});

export const registerAttendanceRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(checkInRoute, async (c) => {
    const log = await checkIn({ code: c.req.valid('json').code, volunteer: principalOf(c) }, now());
    return c.json(viewOf(log), 201);
  });

  app.openapi(checkOutRoute, async (c) => {
    const log = await checkOut({ code: c.req.valid('json').code, volunteer: principalOf(c) }, now());
    return c.json(viewOf(log), 200);
  });
};
