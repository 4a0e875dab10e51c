import { retry } from '@lianxin/shared/retry';
import { type Person, newPerson } from '../domain/person';
import { lostRace } from '../store/commit';
import { loadPerson } from '../store/people';

/**
 * Read the person (a newcomer, version 0, when not stored yet), decide and write in `step`.
 * Every write is conditional on the version read: a failed condition means someone changed
 * the person meanwhile, so read again and decide again.
 */
export const withLatestPerson = <T>(personId: string, now: Date, step: (p: Person) => Promise<T>): Promise<T> =>
  retry(async () => step((await loadPerson(personId)) ?? newPerson(personId, now)), { retryable: lostRace, tries: 6, baseDelayMs: 10 });
