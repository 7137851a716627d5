import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@fabrique/contracts';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** PostgreSQL's own refusals that reach us when two requests race past the service checks. */
function fromDatabase(error: QueryFailedError): ErrorBody | undefined {
  const { code, detail } = error.driverError as { code?: string; detail?: string };
  if (code === '23505') return { statusCode: 409, code: 'conflict', message: `Already exists${detail ? `: ${detail}` : ''}` };
  if (code === '23503') return { statusCode: 409, code: 'conflict', message: 'A referenced record does not exist or is still in use' };
  if (code === '23P01') return { statusCode: 409, code: 'conflict', message: 'This clashes with an existing booking' };
  return undefined;
}

/** Turns anything thrown during a request into the one JSON error shape; unknown errors become a logged 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    // Errors raised by Express's body parser before any controller runs.
    const parser = ((exception as { cause?: unknown })?.cause ?? exception) as { type?: string };
    if (parser?.type === 'entity.parse.failed') return { statusCode: 400, code: 'invalid_json', message: 'The request body is not valid JSON' };
    if (parser?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'payload_too_large', message: 'The request body is too large' };
    }
    if (parser?.type === 'encoding.unsupported' || parser?.type === 'charset.unsupported') {
      return { statusCode: 415, code: 'unsupported_media_type', message: 'Unsupported body encoding' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload) return payload as ErrorBody;
      const message =
        typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'validation_failed'), message };
    }
    if (exception instanceof QueryFailedError) {
      const known = fromDatabase(exception);
      if (known) return known;
    }
    return { statusCode: ERROR_STATUS.internal, code: 'internal', message: 'Internal server error' };
  }
}
