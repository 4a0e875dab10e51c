import { handle } from 'hono/aws-lambda';
import type { ServiceApp } from './app';

/** The thin Lambda entry point for a service's HTTP app (API Gateway HTTP API, payload v2). */
export const lambdaHandler = (app: ServiceApp) => handle(app);
