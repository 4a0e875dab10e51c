import type { ServiceApp } from '@lianxin/shared/http/app';
import { errorResponses, jsonContent } from '@lianxin/shared/http/openapi';
import { securedRoute } from '@lianxin/shared/http/route';
import { listMerchants } from '../../app/listMerchants';
import { listOrganizations } from '../../app/listOrganizations';
import { listPlaces } from '../../app/listPlaces';
import { MerchantList, OrganizationList, Places } from '../schemas/directory';

const placesRoute = securedRoute({
  method: 'get', path: '/people/places', action: 'directory.read',
  responses: { 200: jsonContent(Places, "The district's streets, communities and grids"), ...errorResponses(401, 403) },
});

const organizationsRoute = securedRoute({
  method: 'get', path: '/people/organizations', action: 'directory.read',
  responses: { 200: jsonContent(OrganizationList, 'The organizations and the grids each serves'), ...errorResponses(401, 403) },
});

const merchantsRoute = securedRoute({
  method: 'get', path: '/people/merchants', action: 'directory.read',
  responses: { 200: jsonContent(MerchantList, "The alliance's shops"), ...errorResponses(401, 403) },
});

/** The directory: reference data for pickers (places, organizations, shops). */
export const directoryRoutes = (app: ServiceApp) => {
  app.openapi(placesRoute, async (c) => c.json(await listPlaces(), 200));
  app.openapi(organizationsRoute, async (c) => c.json({ items: await listOrganizations() }, 200));
  app.openapi(merchantsRoute, async (c) => c.json({ items: await listMerchants() }, 200));
};
