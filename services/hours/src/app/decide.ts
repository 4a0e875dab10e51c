import { type Action, authorize } from '@lianxin/shared/auth/policy';
import { type Principal, scopeIds } from '@lianxin/shared/auth/principal';
import { type Result, must, notFound } from '@lianxin/shared/errors';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { notVerifiable } from '../domain/errors';
import type { HourLog } from '../domain/hourLog';
import { refusalToDecide } from '../domain/verification';
import { decidingOrganization } from '../domain/wishHours';
import { findHourLog, moveHourLog } from '../store/hourLogs';

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
 * Apply an organizer's decision: the new state and its event commit together, conditional
 * on the log still awaiting a decision, so concurrent decisions yield exactly one event.
 */
export const decide = async ({ hourLogId, decider, action, rule, event }: Decision): Promise<HourLog> => {
  const log = await getHourLog(hourLogId);
  const org = decidingOrganization(log, scopeIds(decider, 'org'));
  authorize(decider, action, org === undefined ? {} : { org });
  const next = must(rule(log));
  if (await moveHourLog(next, 'checked_out', event(next))) return next;
  // Someone else decided first: refuse with what the log says now.
  throw refusalToDecide(await getHourLog(hourLogId), decider) ?? notVerifiable();
};
