import { recordEndedShifts } from '../app/recordEndedShifts';

/** Scheduled: every confirmed claimant of a shift that ended gets one AttendanceRecorded (attended or no_show). */
export const handler = async () => ({ recorded: await recordEndedShifts(new Date()) });
