import type { Clock } from '@lianxin/shared/clock';
import { type ServiceApp, principalOf } from '@lianxin/shared/http/app';
import { errorResponses, jsonBody, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { acceptNotice } from '../../app/acceptNotice';
import { submitDual } from '../../app/dual/submit';
import { exportMyData } from '../../app/exportMyData';
import { getMe } from '../../app/getMe';
import { saveProfile } from '../../app/saveProfile';
import { ConsentBody, DualRegistrationBody, Me, PersonExport, ProfileBody } from '../schemas/me';

const meRoute = securedRoute({
  method: 'get', path: '/people/me', action: 'person.readOwn',
  responses: { 200: jsonContent(Me, "The caller's own record; someone never seen is `new`"), ...errorResponses(401, 403) },
});

const consentRoute = securedRoute({
  method: 'post', path: '/people/me/consents', action: 'person.consent',
  request: { body: jsonBody(ConsentBody) },
  responses: { 200: jsonContent(Me, 'Accepted; the history keeps every acceptance'), ...errorResponses(400, 401, 403, 409) },
});

const profileRoute = securedRoute({
  method: 'put', path: '/people/me/profile', action: 'person.editProfile',
  request: { body: jsonBody(ProfileBody) },
  responses: {
    200: jsonContent(Me, 'Saved; the first save makes the person active (PersonRegistered.v1)'),
    ...errorResponses(400, 401, 403, 409),
  },
});

const dualRoute = securedRoute({
  method: 'put', path: '/people/me/dual-registration', action: 'dualRegistration.submit',
  request: { body: jsonBody(DualRegistrationBody) },
  responses: {
    200: jsonContent(Me, '双报到 submitted: pending until the community decides'),
    ...errorResponses(400, 401, 403, 409),
  },
});

const exportRoute = securedRoute({
  method: 'get', path: '/people/me/export', action: 'person.export',
  responses: { 200: jsonContent(PersonExport, 'Everything this service keeps about the caller'), ...errorResponses(401, 403) },
});

/** One's own record: read, consent, profile, 双报到, export. */
export const meRoutes = (app: ServiceApp, clock: Clock) => {
  app.openapi(meRoute, async (c) => c.json(await getMe(principalOf(c)), 200));
  app.openapi(consentRoute, async (c) =>
    c.json(await acceptNotice({ principal: principalOf(c), version: c.req.valid('json').version }, clock()), 200));
  app.openapi(profileRoute, async (c) =>
    c.json(await saveProfile({ principal: principalOf(c), profile: c.req.valid('json') }, clock()), 200));
  app.openapi(dualRoute, async (c) => c.json(await submitDual({ principal: principalOf(c), ...c.req.valid('json') }, clock()), 200));
  app.openapi(exportRoute, async (c) => c.json(await exportMyData(principalOf(c), clock()), 200));
};
