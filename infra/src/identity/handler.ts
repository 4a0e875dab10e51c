import { lambdaHandler } from '@lianxin/shared/http/lambda';
import { app } from './app';

export const http = lambdaHandler(app);
