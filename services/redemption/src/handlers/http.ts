import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { createApp } from '../http/app';

/** API Gateway → the redemption API. */
export const handler = lambdaHandler(createApp());
