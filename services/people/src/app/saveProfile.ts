import type { Principal } from '@lianxin/shared/auth/principal';
import { must } from '@lianxin/shared/errors';
import { digestIdCard } from '../domain/idCard';
import { type ProfileInput, checkIdCard, saveProfile as save } from '../domain/profile';
import type { MeView } from '../domain/view';
import { personRegistered } from '../events/publish';
import { commit } from '../store/commit';
import { findGrid } from '../store/directory';
import { putPerson } from '../store/people';
import { meAfter } from './getMe';
import { withLatestPerson } from './person';

/**
 * The key of the id card digest. Required when a number is given: without it the number
 * cannot be kept safely, so that is a configuration error (500), never a default key.
 */
const idCardKey = (): string => {
  const key = process.env.ID_CARD_HASH_KEY;
  if (!key) throw new Error('ID_CARD_HASH_KEY is not set: an id card number cannot be stored');
  return key;
};

/** Save one's profile; the first save makes the person active and publishes PersonRegistered. */
export const saveProfile = async (input: { principal: Principal; profile: ProfileInput }, now: Date): Promise<MeView> => {
  const { principal, profile: { idCardNumber, ...profile } } = input;
  must(checkIdCard({ idCardNumber }));
  const idCard = idCardNumber === undefined ? undefined : digestIdCard(idCardNumber, idCardKey());
  const grid = await findGrid(profile.gridId);
  const next = await withLatestPerson(principal.userId, now, async (p) => {
    const saved = must(save(p, { ...profile, idCard }, grid, principal.phone, now));
    await commit([putPerson(saved.next, p.version)], saved.registered ? [personRegistered(saved.next, now)] : []);
    return saved.next;
  });
  return meAfter(principal, next);
};
