import {
  $add,
  $remove,
  Entity,
  type FormattedItem,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateTransaction,
  executeTransactWrite,
  item,
  list,
  map,
  number,
  string,
} from 'dynamodb-toolbox';
import { failedConditionAt, retryOnConflict } from '@lianxin/shared/db/transact';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outboxPut } from '@lianxin/shared/events/outbox';
import { ANSWERS, type Answer, type EmergencyCall, type EscalationPlan, LEVELS, type Level, reachTargets } from '../domain/emergency/call';
import { outbox, table } from './table';

/**
 * `ECALL#<id>` holds the call (`CALL`), one `REACH#<kind:id>` item per grid, community or
 * street it reaches, and one `RESP#<volunteer>` per answer. gsi1: reach items by target
 * (a volunteer's feed) and open timers by due time (`ECALLS#DUE`); gsi2: calls by organization.
 */
const keys = {
  call: (callId: string) => ({ pk: `ECALL#${callId}`, sk: 'CALL' }),
  reach: (callId: string, target: string) => ({ pk: `ECALL#${callId}`, sk: `REACH#${target}` }),
  response: (callId: string, volunteerId: string) => ({ pk: `ECALL#${callId}`, sk: `RESP#${volunteerId}` }),
  feed: (target: string) => `ECALLS#${target}`,
  /** One partition: only calls still short of their target and below street level sit in it. */
  due: 'ECALLS#DUE',
  ofOrg: (orgId: string) => `ECALLS#ORG#${orgId}`,
  order: (at: string, callId: string) => `${at}#${callId}`,
};

const ids = () => list(string());

export const CallEntity = new Entity({
  name: 'EmergencyCall',
  table,
  schema: item({
    callId: string().key(),
    orgId: string(),
    title: string(),
    description: string(),
    gridIds: ids(),
    communityIds: ids(),
    streetIds: ids(),
    targetHeadcount: number(),
    musterPoint: map({ address: string(), lat: number(), lng: number() }),
    escalateAfterMinutes: number(),
    level: string().enum(...LEVELS),
    accepted: number(),
    declined: number(),
    status: string().enum('open'),
    issuedBy: string(),
    issuedAt: string(),
    escalateAt: string().optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ callId }) => keys.call(callId),
  timestamps: false,
});

const ReachEntity = new Entity({
  name: 'EmergencyReach',
  table,
  schema: item({ callId: string().key(), target: string().key(), gsi1pk: string(), gsi1sk: string() }),
  computeKey: ({ callId, target }) => keys.reach(callId, target),
  timestamps: false,
});

const ResponseEntity = new Entity({
  name: 'EmergencyResponse',
  table,
  schema: item({ callId: string().key(), volunteerId: string().key(), answer: string().enum(...ANSWERS), answeredAt: string() }),
  computeKey: ({ callId, volunteerId }) => keys.response(callId, volunteerId),
  timestamps: false,
});

type CallItem = FormattedItem<typeof CallEntity>;

const toCall = ({ gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, ...call }: CallItem): EmergencyCall => call;

const reachPuts = (call: EmergencyCall, level: Level) =>
  reachTargets(call, level).map((target) =>
    ReachEntity.build(PutTransaction).item({ callId: call.callId, target, gsi1pk: keys.feed(target), gsi1sk: keys.order(call.issuedAt, call.callId) }),
  );

const dueKeys = (callId: string, escalateAt: string) => ({ gsi1pk: keys.due, gsi1sk: keys.order(escalateAt, callId) });

/** The call, where it reaches, and `EmergencyCallIssued`, in one transaction. */
export const saveCall = async (call: EmergencyCall, event: Envelope): Promise<void> => {
  await executeTransactWrite(
    CallEntity.build(PutTransaction)
      .item({ ...call, ...(call.escalateAt ? dueKeys(call.callId, call.escalateAt) : {}), gsi2pk: keys.ofOrg(call.orgId), gsi2sk: keys.order(call.issuedAt, call.callId) })
      .options({ condition: { attr: 'callId', exists: false } }),
    ...reachPuts(call, 'grids'),
    outboxPut(outbox, event),
  );
};

export const findCall = async (callId: string): Promise<EmergencyCall | undefined> => {
  const { Item } = await CallEntity.build(GetItemCommand).key({ callId }).options({ consistent: true }).send();
  return Item && toCall(Item);
};

export const FEED_LIMIT = 20;

const newestFirst = (calls: (EmergencyCall | undefined)[]): EmergencyCall[] =>
  calls
    .filter((c): c is EmergencyCall => c?.status === 'open')
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0))
    .slice(0, FEED_LIMIT);

/** Open calls reaching any of these targets (`grid:…`, `community:…`, `street:…`), newest first. */
export const callsReaching = async (targets: string[]): Promise<EmergencyCall[]> => {
  const pages = await Promise.all(
    targets.map((target) =>
      table.build(QueryCommand).entities(ReachEntity).query({ index: 'gsi1', partition: keys.feed(target) }).options({ reverse: true, limit: FEED_LIMIT }).send(),
    ),
  );
  const callIds = [...new Set(pages.flatMap((p) => (p.Items ?? []).map((r) => r.callId)))];
  return newestFirst(await Promise.all(callIds.map(findCall)));
};

/** The newest calls of these organizations. */
export const callsOfOrgs = async (orgIds: string[]): Promise<EmergencyCall[]> => {
  const pages = await Promise.all(
    orgIds.map((orgId) =>
      table.build(QueryCommand).entities(CallEntity).query({ index: 'gsi2', partition: keys.ofOrg(orgId) }).options({ reverse: true, limit: FEED_LIMIT }).send(),
    ),
  );
  return newestFirst(pages.flatMap((p) => (p.Items ?? []).map(toCall)));
};

export const findAnswer = async (callId: string, volunteerId: string): Promise<Answer | undefined> => {
  const { Item } = await ResponseEntity.build(GetItemCommand).key({ callId, volunteerId }).options({ consistent: true }).send();
  return Item?.answer;
};

/** Many volunteers answer one call at once: they conflict on its counters, so retry those. */
const COUNTER_ATTEMPTS = 10;

/**
 * Record an answer and move the counters in one transaction, on condition the answer is
 * still `previous`: a concurrent change of mind by the same volunteer reports `'stale'`.
 */
export const saveAnswer = async (
  callId: string,
  volunteerId: string,
  previous: Answer | undefined,
  answer: Answer,
  delta: { accepted: number; declined: number },
  now: Date,
): Promise<'saved' | 'stale'> => {
  const put = ResponseEntity.build(PutTransaction)
    .item({ callId, volunteerId, answer, answeredAt: now.toISOString() })
    .options({ condition: previous === undefined ? { attr: 'answer', exists: false } : { attr: 'answer', eq: previous } });
  const count = CallEntity.build(UpdateTransaction)
    .item({ callId, accepted: $add(delta.accepted), declined: $add(delta.declined) })
    .options({ condition: { attr: 'callId', exists: true } });
  try {
    await retryOnConflict(() => executeTransactWrite(put, count), COUNTER_ATTEMPTS);
    return 'saved';
  } catch (error) {
    if (failedConditionAt(error, 0)) return 'stale';
    throw error;
  }
};

/** Calls whose escalation time has come (an index query on due time, never a scan). */
export const dueCalls = async (now: Date): Promise<EmergencyCall[]> => {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(CallEntity)
    .query({ index: 'gsi1', partition: keys.due, range: { lte: `${now.toISOString()}~` } })
    .options({ maxPages: Infinity })
    .send();
  return Items.map(toCall);
};

/**
 * Apply an escalation plan, on condition the call is still at the level and timer it was
 * planned from: a second run (or a concurrent one) fails it and changes nothing.
 */
export const saveEscalation = async (call: EmergencyCall, plan: Exclude<EscalationPlan, { kind: 'wait' }>, event?: Envelope): Promise<'saved' | 'stale'> => {
  const { callId } = call;
  const timer = plan.kind === 'widen' && plan.escalateAt
    ? { escalateAt: plan.escalateAt, ...dueKeys(callId, plan.escalateAt) }
    : { escalateAt: $remove(), gsi1pk: $remove(), gsi1sk: $remove() };
  const update = CallEntity.build(UpdateTransaction)
    .item({ callId, ...timer, ...(plan.kind === 'widen' ? { level: plan.level } : {}) })
    .options({ condition: { and: [{ attr: 'level', eq: call.level }, { attr: 'escalateAt', eq: call.escalateAt ?? '' }] } });
  const widened = plan.kind === 'widen' ? reachPuts(call, plan.level) : [];
  try {
    await retryOnConflict(() => executeTransactWrite(update, ...widened, ...(event ? [outboxPut(outbox, event)] : [])));
    return 'saved';
  } catch (error) {
    if (failedConditionAt(error, 0)) return 'stale';
    throw error;
  }
};
