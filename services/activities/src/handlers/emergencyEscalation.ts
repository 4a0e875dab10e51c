import { createLogger } from '@lianxin/shared/logger';
import { escalateDue } from '../app/emergency/escalate';

const log = createLogger('activities');

/** Every minute: widen the emergency calls still short of their target whose time has come. */
export const handler = async (): Promise<{ escalated: number }> => {
  const result = await escalateDue(new Date());
  if (result.escalated) log.info('emergency calls escalated', result);
  return result;
};
