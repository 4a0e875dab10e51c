import { consumer } from '@lianxin/shared/events/consumer';
import { projectTransfer } from '../app/projectTransfer';

/** The ledger's own consumer of TransferCommitted: hot-account shards and transparency aggregates. */
export const projector = consumer('ledger-projector', {
  TransferCommittedV1: projectTransfer,
});
