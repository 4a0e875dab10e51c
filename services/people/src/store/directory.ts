import { Entity, type FormattedItem, GetItemCommand, PutItemCommand, QueryCommand, item, list, string } from 'dynamodb-toolbox';
import type { Alliance, Community, Grid, Merchant, Organization, Street } from '../domain/directory';
import { table } from './table';

/**
 * The directory: each kind listed through gsi1 in one partition (`DIR#<KIND>`, by id). It is
 * small reference data, read whole.
 */
const listed = () => ({ gsi1pk: string(), gsi1sk: string() });
const dirKeys = (kind: string, id: string) => ({ gsi1pk: `DIR#${kind}`, gsi1sk: id });
const named = { name: string(), nameEn: string() };

const StreetEntity = new Entity({
  name: 'Street',
  table,
  schema: item({ streetId: string().key(), ...named, ...listed() }),
  computeKey: ({ streetId }) => ({ pk: `STREET#${streetId}`, sk: 'STREET' }),
  timestamps: false,
});

const CommunityEntity = new Entity({
  name: 'Community',
  table,
  schema: item({ communityId: string().key(), ...named, streetId: string(), ...listed() }),
  computeKey: ({ communityId }) => ({ pk: `COMMUNITY#${communityId}`, sk: 'COMMUNITY' }),
  timestamps: false,
});

const GridEntity = new Entity({
  name: 'Grid',
  table,
  schema: item({ gridId: string().key(), ...named, communityId: string(), streetId: string(), ...listed() }),
  computeKey: ({ gridId }) => ({ pk: `GRID#${gridId}`, sk: 'GRID' }),
  timestamps: false,
});

const OrganizationEntity = new Entity({
  name: 'Organization',
  table,
  schema: item({ orgId: string().key(), ...named, kind: string(), gridIds: list(string()), ...listed() }),
  computeKey: ({ orgId }) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  timestamps: false,
});

const AllianceEntity = new Entity({
  name: 'Alliance',
  table,
  schema: item({ allianceId: string().key(), ...named, ...listed() }),
  computeKey: ({ allianceId }) => ({ pk: `ALLIANCE#${allianceId}`, sk: 'ALLIANCE' }),
  timestamps: false,
});

const MerchantEntity = new Entity({
  name: 'Merchant',
  table,
  schema: item({ merchantId: string().key(), ...named, allianceId: string(), ...listed() }),
  computeKey: ({ merchantId }) => ({ pk: `MERCHANT#${merchantId}`, sk: 'MERCHANT' }),
  timestamps: false,
});

const all = async <E extends Entity>(entity: E, kind: string) => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(entity)
    .query({ index: 'gsi1', partition: `DIR#${kind}` })
    .options({ maxPages: Infinity })
    .send();
  return Items as FormattedItem<E>[];
};

const strip = <T extends { gsi1pk?: string; gsi1sk?: string }>({ gsi1pk: _pk, gsi1sk: _sk, ...rest }: T) => rest;

export const listStreets = async (): Promise<Street[]> => (await all(StreetEntity, 'STREET')).map(strip);
export const listCommunities = async (): Promise<Community[]> => (await all(CommunityEntity, 'COMMUNITY')).map(strip);
export const listGrids = async (): Promise<Grid[]> => (await all(GridEntity, 'GRID')).map(strip);
export const listOrganizations = async (): Promise<Organization[]> => (await all(OrganizationEntity, 'ORG')).map(strip);
export const listMerchants = async (): Promise<Merchant[]> => (await all(MerchantEntity, 'MERCHANT')).map(strip);

export const findGrid = async (gridId: string): Promise<Grid | undefined> => {
  const { Item } = await GridEntity.build(GetItemCommand).key({ gridId }).send();
  return Item && strip(Item);
};

export const findOrganization = async (orgId: string): Promise<Organization | undefined> => {
  const { Item } = await OrganizationEntity.build(GetItemCommand).key({ orgId }).send();
  return Item && strip(Item);
};

export const findMerchant = async (merchantId: string): Promise<Merchant | undefined> => {
  const { Item } = await MerchantEntity.build(GetItemCommand).key({ merchantId }).send();
  return Item && strip(Item);
};

export const allianceExists = async (allianceId: string): Promise<boolean> => {
  const { Item } = await AllianceEntity.build(GetItemCommand).key({ allianceId }).send();
  return Boolean(Item);
};

/** Seeding: each put is idempotent (the same item again). */
export const putStreet = (s: Street) => StreetEntity.build(PutItemCommand).item({ ...s, ...dirKeys('STREET', s.streetId) }).send();
export const putCommunity = (c: Community) => CommunityEntity.build(PutItemCommand).item({ ...c, ...dirKeys('COMMUNITY', c.communityId) }).send();
export const putGrid = (g: Grid) => GridEntity.build(PutItemCommand).item({ ...g, ...dirKeys('GRID', g.gridId) }).send();
export const putOrganization = (o: Organization) => OrganizationEntity.build(PutItemCommand).item({ ...o, ...dirKeys('ORG', o.orgId) }).send();
export const putAlliance = (a: Alliance) => AllianceEntity.build(PutItemCommand).item({ ...a, ...dirKeys('ALLIANCE', a.allianceId) }).send();
export const putMerchant = (m: Merchant) => MerchantEntity.build(PutItemCommand).item({ ...m, ...dirKeys('MERCHANT', m.merchantId) }).send();
