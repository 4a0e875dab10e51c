import type { GeoPoint } from './activity';

/**
 * The part of the district's structure this service needs: where a grid lies (its
 * community and street) and which grids an organization serves.
 */
export interface GridEntry { gridId: string; communityId: string; streetId: string; center: GeoPoint }

export interface OrganizationEntry { orgId: string; gridIds: string[] }

export const servesGrid = (organization: OrganizationEntry | undefined, gridId: string): boolean =>
  organization?.gridIds.includes(gridId) ?? false;
