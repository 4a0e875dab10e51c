import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { hoursEvents } from './events/consumer';
import { createHoursApp } from './http/app';
import { recordEndedShifts } from './store/attendance';

/** Lambda entry points (serverless.yml: hoursHttp, hoursEvents, attendanceSweep). */
export const http = lambdaHandler(createHoursApp());
export const events = hoursEvents;

/** Scheduled: every confirmed claimant of a shift that ended gets one AttendanceRecorded (attended or no_show). */
export const attendance = async () => ({ recorded: await recordEndedShifts(new Date()) });
