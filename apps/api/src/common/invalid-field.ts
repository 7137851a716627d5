import { AppException } from '@fabrique/errors';

/** A 400 about one field that only the service can judge (a reference that does not exist, dates out of order). */
export const invalidField = (field: string, message: string) => new AppException('validation_failed', message, [{ field, message }]);
