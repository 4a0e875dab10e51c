import { withContext } from '@lianxin/shared/context';
import { newId } from '@lianxin/shared/ids';
import { sweepLots } from '../app/sweepLots';

/**
 * Hourly: lots past their expiry expire to sys:expired; lots due within 30 days get their
 * notice. Each run is one chain of work: its transfers and events share a correlation id.
 */
export const handler = async () => withContext({ correlationId: newId('cor') }, () => sweepLots(new Date()));
