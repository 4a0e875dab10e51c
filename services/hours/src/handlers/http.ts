import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { createApp } from '../http/app';

/** API Gateway → the hours API (serverless.yml: hoursHttp). */
export const handler = lambdaHandler(createApp());
