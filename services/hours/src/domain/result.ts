import { AppError } from '@lianxin/shared/errors';

/** A domain rule answers either its result or the AppError that refuses the command. */
export type Result<T> = T | AppError;

/** Unwrap a rule's answer at the edge (HTTP, store): a refusal is thrown. */
export const must = <T>(result: Result<T>): T => {
  if (result instanceof AppError) throw result;
  return result;
};
