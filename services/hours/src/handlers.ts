import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { hoursEvents } from './events/consumer';
import { createHoursApp } from './http/app';

/** Lambda entry points (serverless.yml: hoursHttp, hoursEvents). */
export const http = lambdaHandler(createHoursApp());
export const events = hoursEvents;
