import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldError } from '@fabrique/contracts';

/**
 * The exception services throw: a stable code, a human message, optional per-field details; for a
 * refusal that names no field, an optional stable reason and the values its sentence needs.
 */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    readonly reason?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(
      {
        statusCode: ERROR_STATUS[code],
        code,
        message,
        ...(details ? { details } : {}),
        ...(reason ? { reason } : {}),
        ...(params ? { params } : {}),
      } satisfies ErrorBody,
      ERROR_STATUS[code],
    );
  }
}

export const notFound = (what: string) => new AppException('not_found', `${what} not found`);
export const forbidden = (message: string, reason?: string) => new AppException('forbidden', message, undefined, reason);
export const conflict = (message: string, reason?: string, params?: Record<string, string | number>) =>
  new AppException('conflict', message, undefined, reason, params);
