import { type Action, authorize } from '@lianxin/shared/auth/policy';
import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import { type Result, must, notFound } from '@lianxin/shared/errors';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { decisionEntry } from '../domain/adminLog';
import { notVerifiable } from '../domain/errors';
import type { HourLog } from '../domain/hourLog';
import { refusalToDecide } from '../domain/verification';
import { decidingOrganization } from '../domain/wishHours';
import { decideHourLog, findHourLog } from '../store/hourLogs';

const getHourLog = async (hourLogId: string): Promise<HourLog> => {
  const log = await findHourLog(hourLogId);
  if (!log) throw notFound('hourLog', hourLogId);
  return log;
};

export interface Decision {
  hourLogId: string;
  decider: Principal;
  /** The policy action, authorized in the log's organization. */
  action: Extract<Action, 'hours.verify' | 'hours.reject'>;
  rule: (log: HourLog) => Result<HourLog>;
  event: (decided: HourLog) => Envelope;
}

/**
 * Apply an organizer's decision: the new state, its event and its admin-log entry commit
 * together, conditional on the log still awaiting a decision, so concurrent decisions yield
 * exactly one event and one entry; a refused decision writes neither.
 */
export const decide = async (decision: Decision): Promise<HourLog> => {
  const { hourLogId, decider, action, rule, event } = decision;
  const log = await getHourLog(hourLogId);
  const org = decidingOrganization(log, scopeIds(decider, 'org'));
  authorize(decider, action, org === undefined ? {} : { org });
  const next = must(rule(log));
  // Past authorize, `org` is one of the decider's organizations: the one the entry names.
  if (await decideHourLog(next, event(next), decisionEntry(action, decider.userId, org!, log, next))) return next;
  const latest = await getHourLog(hourLogId);
  // Still awaiting a decision: only its name changed (its person closed their account), which
  // happens once, so deciding again on what it says now ends.
  if (latest.status === 'checked_out' && latest.volunteerName !== log.volunteerName) return decide(decision);
  // Someone else decided first: refuse with what the log says now.
  throw refusalToDecide(latest, decider) ?? notVerifiable();
};
