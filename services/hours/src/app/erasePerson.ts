import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { commitOnce } from '@lianxin/shared/events/inbox';
import { allHourLogsOfVolunteer, pseudonymizeHourLog } from '../store/hourLogs';
import { inbox } from '../store/table';

/**
 * PIPL: a person closed their account. Every hour log of theirs (their own gsi1 partition,
 * never a scan) carries the pseudonym as `volunteerName`; ids, minutes, statuses, decisions
 * and times stay, so the ledger's earnings and the admin log still match. The roster, shifts
 * and admin log hold the person's id only. A person may have more logs than one transaction
 * takes, so each name is updated on its own; writing the pseudonym twice changes nothing, so
 * a redelivery, or a retry after a timeout half-way, only finishes the work. The inbox
 * marker then records the event.
 */
export const erasePerson = async (event: Envelope<EventData<'PersonClosedV1'>>) => {
  const { personId, pseudonym } = event.data;
  const logs = await allHourLogsOfVolunteer(personId);
  await Promise.all(logs.filter((log) => log.volunteerName !== pseudonym).map((log) => pseudonymizeHourLog(log.hourLogId, pseudonym)));
  return commitOnce(inbox, event);
};
