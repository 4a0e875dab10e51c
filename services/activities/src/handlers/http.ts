import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { createApp } from '../http/app';

/** API Gateway → the activities HTTP app. */
export const handler = lambdaHandler(createApp());
