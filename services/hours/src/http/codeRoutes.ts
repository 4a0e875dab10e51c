import { z } from '@hono/zod-openapi';
import { inScope } from '@lianxin/shared/auth/principal';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import { notInOrganization } from '../domain/errors';
import { issueCheckinCode } from '../store/codes';
import { getShift } from '../store/shifts';
import type { Clock } from '@lianxin/shared/clock';
import { errorResponses, jsonContent, securedRoute } from './openapi';
import { CheckinCodeSchema } from './schemas';

export const registerCodeRoutes = (app: ServiceApp, now: Clock) => {
  const issue = securedRoute(app, {
    method: 'post',
    path: '/shifts/{shiftId}/checkin-codes',
    tags: ['check-in'],
    summary: 'Show a new check-in code for a shift (6 digits, valid 5 minutes; the previous code stops working)',
    request: { params: z.object({ shiftId: z.string().min(1) }) },
    responses: { 201: jsonContent(CheckinCodeSchema, 'The new code'), ...errorResponses(401, 403, 404) },
  });
  app.openapi(issue, async (c) => {
    const organizer = principalOf(c);
    requireRole(organizer, 'organizer');
    const shift = await getShift(c.req.valid('param').shiftId);
    if (!inScope(organizer, 'org', shift.orgId)) throw notInOrganization();
    const { code, shiftId, expiresAt } = await issueCheckinCode(shift.shiftId, now());
    return c.json({ code, shiftId, expiresAt }, 201);
  });
};
