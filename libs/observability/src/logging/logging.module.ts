import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@fabrique/config';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

// Secrets that travel in URLs (calendar feed tokens) must not reach the logs.
const SECRET_IN_URL = /(\/api\/calendar\/)[^/?]+(\.ics)/;
export const redactUrl = (url: string | undefined) => url?.replace(SECRET_IN_URL, '$1[redacted]$2');

/**
 * JSON logs with pino. Every HTTP log line carries the request id, taken from a
 * well-formed `x-request-id` header (set by a load balancer) or made here, and echoed back.
 */
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { service },
              genReqId: (request: IncomingMessage, response) => {
                const given = request.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                response.setHeader('x-request-id', id);
                return id;
              },
              customAttributeKeys: { reqId: 'requestId' },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              serializers: {
                req: (req: { url?: string }) => ({ ...req, url: redactUrl(req.url) }),
              },
              autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
            },
          }),
        }),
      ],
    };
  }
}
