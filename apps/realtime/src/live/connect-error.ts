import type { Logger } from '@nestjs/common';
import type { LiveConnectErrorData } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';

/**
 * The error handed to a namespace middleware's `next`: socket.io refuses the
 * connection and the client's `connect_error` carries `message` and `data`.
 */
export function connectError(error: unknown, logger: Logger): Error & { data: LiveConnectErrorData } {
  const data: LiveConnectErrorData =
    error instanceof AppException
      ? (error.getResponse() as LiveConnectErrorData)
      : { statusCode: 503, code: 'service_unavailable', message: 'The live service cannot accept connections right now; retry shortly' };
  if (!(error instanceof AppException)) logger.error(error);
  return Object.assign(new Error(data.message), { data });
}
