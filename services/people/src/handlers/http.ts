import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { createApp } from '../http/app';

/** API Gateway → the people API. */
export const handler = lambdaHandler(createApp());
