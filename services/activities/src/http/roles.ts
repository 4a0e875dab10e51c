import type { Role } from '@lianxin/shared/auth/principal';
import { principalOf } from '@lianxin/shared/http/app';
import type { AppEnv } from '@lianxin/shared/http/app';
import { requireRole } from '@lianxin/shared/http/auth';
import type { MiddlewareHandler } from 'hono';

/** Route middleware: refuse other roles before the body is even validated. */
export const only = (...roles: Role[]): MiddlewareHandler<AppEnv> => async (c, next) => {
  requireRole(principalOf(c), ...roles);
  await next();
};
