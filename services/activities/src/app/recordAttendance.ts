import type { EventData } from '@lianxin/shared/events/catalog';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { saveOutcomeOnce } from '../store/reliability';

/** An attendance outcome from the hours service, kept for the volunteer's reliability (once per event). */
export const recordAttendance = (event: Envelope<EventData<'AttendanceRecordedV1'>>): Promise<'applied' | 'duplicate'> => saveOutcomeOnce(event);
