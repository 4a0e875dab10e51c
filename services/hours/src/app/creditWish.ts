import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { wishHourLog } from '../domain/wishHours';
import { newHourLogPut } from '../store/hourLogs';
import { servedCommunityPut } from '../store/servedCommunities';
import { inbox } from '../store/table';

/**
 * A fulfilled micro-wish becomes one hour log awaiting verification, in its community's
 * queue; each serving organization learns that it serves the community, so its organizers
 * find the queue (GET /hours/pending).
 */
export const creditWish = (event: Envelope<EventData<'WishFulfilledV1'>>) => {
  const log = wishHourLog(event.data);
  return commitOnce(inbox, event, newHourLogPut(log), ...(log.orgIds ?? []).map((orgId) => servedCommunityPut(orgId, log.communityId)));
};
