import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldError } from '@fabrique/contracts';

/** The exception services throw: a stable code, a human message, optional per-field details. */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super({ statusCode: ERROR_STATUS[code], code, message, ...(details ? { details } : {}) } satisfies ErrorBody, ERROR_STATUS[code]);
  }
}

export const notFound = (what: string) => new AppException('not_found', `${what} not found`);
export const forbidden = (message: string) => new AppException('forbidden', message);
export const conflict = (message: string) => new AppException('conflict', message);
