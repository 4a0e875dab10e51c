import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent, pathId } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { issueCheckinCode } from '../../app/issueCheckinCode';
import { CheckinCodeSchema, codeViewOf } from '../schemas';

const issueRoute = securedRoute({
  method: 'post',
  path: '/shifts/{shiftId}/checkin-codes',
  action: 'checkinCode.issue',
  tags: ['check-in'],
  summary: 'Show a new check-in code for a shift (6 digits, valid 5 minutes; the previous code stops working)',
  request: { params: pathId('shiftId') },
  responses: { 201: jsonContent(CheckinCodeSchema, 'The new code'), ...errorResponses(400, 401, 403, 404, 503) },
});

export const registerCodeRoutes = (app: ServiceApp, now: Clock) => {
  app.openapi(issueRoute, async (c) => {
    const code = await issueCheckinCode({ shiftId: c.req.valid('param').shiftId, organizer: principalOf(c) }, now());
    return c.json(codeViewOf(code), 201);
  });
};
