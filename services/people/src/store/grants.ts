import { DeleteTransaction, Entity, GetItemCommand, PutTransaction, QueryCommand, UpdateTransaction, item, string } from 'dynamodb-toolbox';
import type { ActiveGrant, Grant, GrantedRole } from '../domain/grants';
import { GRANTED_ROLES } from '../domain/grants';
import { table } from './table';

/**
 * A grant for ever (`GRANT#<id>` / `GRANT`), listed per person through gsi1
 * (`GRANTS#<personId>`, by time). While active, a copy sits in the person's partition
 * (`ACTIVE#<role>#<scope>`): created only if absent, so one role in one scope is granted
 * once (an equal grant finds it), deleted by the revocation.
 */
const grantFields = {
  grantId: string(),
  role: string().enum(...GRANTED_ROLES),
  scope: string(),
  grantedBy: string(),
  grantedAt: string(),
  reason: string(),
};

const GrantEntity = new Entity({
  name: 'Grant',
  table,
  schema: item({
    ...grantFields,
    grantId: string().key(),
    personId: string(),
    revokedAt: string().optional(),
    revokedBy: string().optional(),
    revokeReason: string().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ grantId }) => ({ pk: `GRANT#${grantId}`, sk: 'GRANT' }),
  timestamps: false,
});

const ActiveGrantEntity = new Entity({
  name: 'ActiveGrant',
  table,
  schema: item({ ...grantFields, personId: string().key(), role: string().enum(...GRANTED_ROLES).key(), scope: string().key() }),
  computeKey: ({ personId, role, scope }) => ({ pk: `PERSON#${personId}`, sk: `ACTIVE#${role}#${scope}` }),
  timestamps: false,
});

const toGrant = ({ gsi1pk: _1, gsi1sk: _2, ...g }: { gsi1pk: string; gsi1sk: string } & Grant): Grant => g;
const toActive = ({ grantId, role, scope, grantedBy, grantedAt, reason }: ActiveGrant): ActiveGrant => ({ grantId, role, scope, grantedBy, grantedAt, reason });

export const loadGrant = async (grantId: string): Promise<Grant | undefined> => {
  const { Item } = await GrantEntity.build(GetItemCommand).key({ grantId }).options({ consistent: true }).send();
  return Item && toGrant(Item);
};

/** The person's active grants (consistent: the token trigger reads them). */
export const activeGrants = async (personId: string): Promise<ActiveGrant[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(ActiveGrantEntity)
    .query({ partition: `PERSON#${personId}`, range: { beginsWith: 'ACTIVE#' } })
    .options({ consistent: true, maxPages: Infinity })
    .send();
  return Items.map(toActive);
};

export const findActiveGrant = async (personId: string, role: GrantedRole, scope: string): Promise<ActiveGrant | undefined> => {
  const { Item } = await ActiveGrantEntity.build(GetItemCommand).key({ personId, role, scope }).options({ consistent: true }).send();
  return Item && toActive(Item);
};

/** Every grant a person was ever given, newest first. */
export const grantsOf = async (personId: string): Promise<Grant[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(GrantEntity)
    .query({ index: 'gsi1', partition: `GRANTS#${personId}` })
    .options({ reverse: true, maxPages: Infinity })
    .send();
  return Items.map(toGrant);
};

/** A new grant: the active copy first (its failed condition means an equal grant is active), then the grant itself. */
export const grantWrites = (g: Grant) => [
  ActiveGrantEntity.build(PutTransaction).item({ ...toActive(g), personId: g.personId }).options({ condition: { attr: 'grantId', exists: false } }),
  GrantEntity.build(PutTransaction)
    .item({ ...g, gsi1pk: `GRANTS#${g.personId}`, gsi1sk: `${g.grantedAt}#${g.grantId}` })
    .options({ condition: { attr: 'grantId', exists: false } }),
] as const;

/** Revoke once: the grant is marked (if still active) and its active copy goes. */
export const revokeWrites = (g: Grant & { revokedAt: string; revokedBy: string; revokeReason: string }) => [
  GrantEntity.build(UpdateTransaction)
    .item({ grantId: g.grantId, revokedAt: g.revokedAt, revokedBy: g.revokedBy, revokeReason: g.revokeReason })
    .options({ condition: { and: [{ attr: 'grantId', exists: true }, { attr: 'revokedAt', exists: false }] } }),
  ActiveGrantEntity.build(DeleteTransaction)
    .key({ personId: g.personId, role: g.role, scope: g.scope })
    .options({ condition: { attr: 'grantId', eq: g.grantId } }),
] as const;
