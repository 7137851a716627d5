import type { FieldError } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';

/**
 * A 400 about one field that only the service can judge (a reference that does not exist, dates out of
 * order). `rule` names the problem for clients to word it (camelCase, like class-validator's), with
 * the bound or values its sentence needs.
 */
export const invalidField = (field: string, message: string, rule?: string, extra: Pick<FieldError, 'limit' | 'params'> = {}) =>
  new AppException('validation_failed', message, [{ field, message, ...(rule ? { rule } : {}), ...extra }]);
