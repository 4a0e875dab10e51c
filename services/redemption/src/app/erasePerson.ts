import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { pseudonymize } from '../domain/transitions';
import { allRedemptionsOf } from '../store/redemptions';
import { commitWithoutEvent, markConsumed, withLatest } from '../store/transitions';

/**
 * PIPL: a person closed their account. Every redemption of theirs (their own gsi1 partition,
 * never a scan) shows the pseudonym where the masked name was; ids, points, statuses and
 * times stay, so the shop's list and the ledger still add up. A person may hold more
 * redemptions than one transaction takes, so each is written on its own, under the version
 * it was read at (a saga step racing it reads again); writing the pseudonym twice changes
 * nothing, so a redelivery, or a retry after a timeout half-way, only finishes the work.
 * The inbox marker then records the event.
 */
export const erasePerson = async (event: Envelope<EventData<'PersonClosedV1'>>, now: Date) => {
  const { personId, pseudonym } = event.data;
  await Promise.all(
    (await allRedemptionsOf(personId)).map(({ redemptionId }) =>
      withLatest(redemptionId, async (current) => {
        const decision = current && pseudonymize(current, pseudonym, now);
        if (decision?.kind === 'apply') await commitWithoutEvent(decision);
      }),
    ),
  );
  return markConsumed(event);
};
