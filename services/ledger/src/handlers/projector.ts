import { projector } from '../events/projector';

/** TransferCommitted.v1, from the bus: the hot side and the transparency aggregates. */
export const handler = projector;
