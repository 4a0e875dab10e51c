import { Entity, GetItemCommand, PutItemCommand, QueryCommand, item, list, map, number, string } from 'dynamodb-toolbox';
import type { GridEntry, OrganizationEntry } from '../domain/directory';
import { keys } from './keys';
import { table } from './table';

/**
 * The grid directory: which community and street a grid belongs to, which grids an
 * organization serves, and which communities a street has (to fan listings out).
 */
const point = () => map({ lat: number(), lng: number() });

export const GridEntity = new Entity({
  name: 'Grid',
  table,
  schema: item({ gridId: string().key(), communityId: string(), streetId: string(), center: point() }),
  computeKey: ({ gridId }) => keys.grid(gridId),
  timestamps: false,
});

export const CommunityEntity = new Entity({
  name: 'Community',
  table,
  schema: item({ communityId: string().key(), streetId: string(), gsi2pk: string(), gsi2sk: string() }),
  computeKey: ({ communityId }) => keys.community(communityId),
  timestamps: false,
});

/** The reverse of an organization's `gridIds`: one item per grid it serves, in the grid's partition. */
export const GridServerEntity = new Entity({
  name: 'GridServer',
  table,
  schema: item({ gridId: string().key(), orgId: string().key() }),
  computeKey: ({ gridId, orgId }) => keys.gridServer(gridId, orgId),
  timestamps: false,
});

export const OrganizationEntity = new Entity({
  name: 'Organization',
  table,
  schema: item({ orgId: string().key(), gridIds: list(string()) }),
  computeKey: ({ orgId }) => keys.organization(orgId),
  timestamps: false,
});

/** Record a grid and its community (both puts are idempotent). */
export const saveGrid = async ({ gridId, communityId, streetId, center }: GridEntry): Promise<void> => {
  await Promise.all([
    GridEntity.build(PutItemCommand).item({ gridId, communityId, streetId, center }).send(),
    CommunityEntity.build(PutItemCommand)
      .item({ communityId, streetId, gsi2pk: keys.communities, gsi2sk: keys.communityOrder(streetId, communityId) })
      .send(),
  ]);
};

export const saveOrganization = async ({ orgId, gridIds }: OrganizationEntry): Promise<void> => {
  await Promise.all([
    OrganizationEntity.build(PutItemCommand).item({ orgId, gridIds }).send(),
    ...gridIds.map((gridId) => GridServerEntity.build(PutItemCommand).item({ gridId, orgId }).send()),
  ]);
};

/** The organizations serving a grid, by id. */
export const organizationsServing = async (gridId: string): Promise<string[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(GridServerEntity)
    .query({ partition: keys.grid(gridId).pk, range: { beginsWith: keys.gridServerPrefix } })
    .options({ maxPages: Infinity })
    .send();
  return Items.map((s) => s.orgId);
};

export const findGrid = async (gridId: string): Promise<GridEntry | undefined> => {
  const { Item } = await GridEntity.build(GetItemCommand).key({ gridId }).send();
  return Item;
};

export const findOrganization = async (orgId: string): Promise<OrganizationEntry | undefined> => {
  const { Item } = await OrganizationEntity.build(GetItemCommand).key({ orgId }).send();
  return Item;
};

/** The communities of a street, or of the whole directory when no street is named. */
export const communityIds = async (streetId?: string): Promise<string[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(CommunityEntity)
    .query({ index: 'gsi2', partition: keys.communities, ...(streetId ? { range: { beginsWith: `${streetId}#` } } : {}) })
    .options({ maxPages: Infinity })
    .send();
  return Items.map((c) => c.communityId);
};
