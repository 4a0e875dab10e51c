/** The district's structure and its organizations and shops: reference data, seeded. */
export interface Street { streetId: string; name: string; nameEn: string }
export interface Community { communityId: string; name: string; nameEn: string; streetId: string }
export interface Grid { gridId: string; name: string; nameEn: string; communityId: string; streetId: string }
export interface Organization { orgId: string; name: string; nameEn: string; kind: string; gridIds: string[] }
export interface Alliance { allianceId: string; name: string; nameEn: string }
export interface Merchant { merchantId: string; name: string; nameEn: string; allianceId: string }

/** The communities an organization serves: those of the grids it serves. */
export const communitiesServed = (organization: Organization, grids: Grid[]): string[] => {
  const byId = new Map(grids.map((g) => [g.gridId, g.communityId]));
  return [...new Set(organization.gridIds.flatMap((gridId) => byId.get(gridId) ?? []))];
};
