import { ConditionCheck, Entity, type FormattedItem, GetItemCommand, PutTransaction, QueryCommand, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Role, Tag } from '@lianxin/shared/auth/principal';
import { AVAILABILITY, type Consent, DUAL_STATUSES, type DualStatus, PERSON_STATUSES, type Person } from '../domain/person';
import { table } from './table';

/**
 * A person (`PERSON#<id>` / `PERSON`) and, in the same partition, their consents
 * (`CONSENT#<at>`, the history) and active grants (`ACTIVE#<role>#<scope>`, see grants.ts),
 * so the token trigger reads all it needs from one partition, consistently.
 * gsi1 finds a person by phone (`PHONE#<phone>`); gsi2 lists 双报到 by status, then
 * community (`DUALREG#<status>` / `<communityId>#<submittedAt>#<personId>`).
 */
const PersonEntity = new Entity({
  name: 'Person',
  table,
  schema: item({
    personId: string().key(),
    status: string().enum(...PERSON_STATUSES),
    phone: string().optional(),
    baseRoles: list(string()),
    seededTags: list(string()),
    consent: map({ version: string(), acceptedAt: string() }).optional(),
    profile: map({
      displayName: string(),
      realName: string().optional(),
      idCard: map({ hash: string(), last4: string() }).optional(),
      gridId: string().optional(),
      communityId: string().optional(),
      streetId: string().optional(),
      skills: list(string()),
      availability: list(string().enum(...AVAILABILITY)),
      updatedAt: string(),
    }).optional(),
    dualRegistration: map({
      workUnit: string(),
      partyBranch: string(),
      communityId: string(),
      status: string().enum(...DUAL_STATUSES),
      submittedAt: string(),
      decidedAt: string().optional(),
      decidedBy: string().optional(),
      reason: string().optional(),
    }).optional(),
    pseudonym: string().optional(),
    closedAt: string().optional(),
    loginDeletedAt: string().optional(),
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ personId }) => ({ pk: `PERSON#${personId}`, sk: 'PERSON' }),
  timestamps: false,
});

const ConsentEntity = new Entity({
  name: 'Consent',
  table,
  schema: item({ personId: string().key(), acceptedAt: string().key(), version: string() }),
  computeKey: ({ personId, acceptedAt }) => ({ pk: `PERSON#${personId}`, sk: `CONSENT#${acceptedAt}` }),
  timestamps: false,
});

const phoneKey = (phone: string) => `PHONE#${phone}`;
const dualPartition = (status: DualStatus) => `DUALREG#${status}`;

const toItem = (p: Person) => ({
  ...p,
  ...(p.phone ? { gsi1pk: phoneKey(p.phone), gsi1sk: 'PERSON' } : {}),
  ...(p.dualRegistration
    ? {
        gsi2pk: dualPartition(p.dualRegistration.status),
        gsi2sk: `${p.dualRegistration.communityId}#${p.dualRegistration.submittedAt}#${p.personId}`,
      }
    : {}),
});

const toPerson = ({ gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, baseRoles, seededTags, ...p }: FormattedItem<typeof PersonEntity>): Person => ({
  ...p,
  baseRoles: baseRoles as Role[],
  seededTags: seededTags as Tag[],
});

export const loadPerson = async (personId: string): Promise<Person | undefined> => {
  const { Item } = await PersonEntity.build(GetItemCommand).key({ personId }).options({ consistent: true }).send();
  return Item && toPerson(Item);
};

/**
 * The person's next state, written only if nobody changed them since `previous` was read
 * (version 0: not stored yet). A lost race fails the condition; the use case reads again.
 */
export const putPerson = (next: Person, previousVersion: number) =>
  PersonEntity.build(PutTransaction)
    .item(toItem(next))
    .options({ condition: previousVersion === 0 ? { attr: 'personId', exists: false } : { attr: 'version', eq: previousVersion } });

/** The person a grant is given to is stored and not closed (a closure racing the grant fails it). */
export const personOpen = (personId: string) =>
  PersonEntity.build(ConditionCheck).key({ personId }).condition({ and: [{ attr: 'personId', exists: true }, { attr: 'status', ne: 'closed' }] });

export const putConsent = (personId: string, consent: Consent) =>
  ConsentEntity.build(PutTransaction).item({ personId, ...consent });

export const listConsents = async (personId: string): Promise<Consent[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ConsentEntity)
    .query({ partition: `PERSON#${personId}`, range: { beginsWith: 'CONSENT#' } })
    .options({ consistent: true, maxPages: Infinity })
    .send();
  return Items.map(({ version, acceptedAt }) => ({ version, acceptedAt }));
};

/** Who has this mobile number (a closed person's number is erased, so they are not found). */
export const findByPhone = async (phone: string): Promise<Person | undefined> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(PersonEntity)
    .query({ index: 'gsi1', partition: phoneKey(phone) })
    .send();
  const [found] = Items;
  return found && toPerson(found);
};

const DUAL_PAGE = 200;

/** 双报到 with this status, of some communities (each a range of the index) or of all. */
export const listDualRegistrations = async (status: DualStatus, communityIds?: string[]): Promise<Person[]> => {
  const query = (communityId?: string) =>
    table
      .build(QueryCommand)
      .entities(PersonEntity)
      .query({ index: 'gsi2', partition: dualPartition(status), ...(communityId ? { range: { beginsWith: `${communityId}#` } } : {}) })
      .options({ limit: DUAL_PAGE })
      .send();
  const pages = await Promise.all(communityIds ? communityIds.map(query) : [query()]);
  return pages.flatMap((page) => (page.Items ?? []).map(toPerson));
};
