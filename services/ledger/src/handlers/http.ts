import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { createApp } from '../http/app';

export const handler = lambdaHandler(createApp());
