import { hoursEvents } from '../events/consumer';

/** The bus → the hours consumer (serverless.yml: hoursEvents). */
export const handler = hoursEvents;
