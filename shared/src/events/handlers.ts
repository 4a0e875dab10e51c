/** Thin Lambda entry points of the outbox path (see relay.ts). */
export { relay, enrich } from './relay';
