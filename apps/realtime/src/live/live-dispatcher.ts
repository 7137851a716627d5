import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validate } from 'class-validator';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { SessionRevocations } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import type { Ack, FieldError } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';
import { HelpQueue } from '@fabrique/help-queue';
import { LIVE_COMMANDS, LIVE_EVENT_NAMES } from './live-commands.js';
import type { LiveSocket } from './live-socket.js';

type AckError = Extract<Ack<unknown>, { ok: false }>['error'];

const INTERNAL: AckError = { code: 'internal', message: 'Something went wrong; retry' };

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function invalid(details: FieldError[]): AppException {
  const fields = [...new Set(details.map((detail) => detail.field))];
  return new AppException('validation_failed', `Invalid ${fields.join(', ')}: ${details[0]?.message ?? 'bad input'}`, details);
}

class SessionEnded extends Error {}

/**
 * Runs one client event of `/live`: rate limit, session still valid, payload valid, then the
 * command; always answers through the acknowledgement (when the client asked for one) and
 * never throws, so a bad event cannot crash the process or drop the socket.
 */
@Injectable()
export class LiveDispatcher {
  private readonly logger = new Logger(LiveDispatcher.name);
  private readonly limiter: RateLimiterMemory;
  private readonly perSecond: number;

  constructor(
    private readonly queue: HelpQueue,
    private readonly revocations: SessionRevocations,
    config: AppConfig,
  ) {
    this.perSecond = config.LIVE_COMMANDS_PER_SECOND;
    this.limiter = new RateLimiterMemory({ keyPrefix: 'live-commands', points: this.perSecond, duration: 1 });
  }

  /** `args` as socket.io hands them to a catch-all listener: the payload, then the ack callback if any. */
  async dispatch(socket: LiveSocket, event: string, args: unknown[]): Promise<void> {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (answer: Ack<unknown>) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let answer: Ack<unknown>;
    let sessionEnded = false;
    try {
      answer = { ok: true, data: await this.run(socket, event, payload) };
    } catch (error) {
      sessionEnded = error instanceof SessionEnded;
      answer = { ok: false, error: this.toAckError(error, socket, event) };
    }
    try {
      ack?.(answer);
    } catch (error) {
      this.logger.error({ err: error, event }, 'acknowledging a live event failed');
    }
    // After the answer, so the client reads why before it sees the disconnect.
    if (sessionEnded) socket.disconnect(true);
  }

  private async run(socket: LiveSocket, event: string, payload: unknown): Promise<unknown> {
    await this.consume(socket.id);
    const { principal } = socket.data;
    if (await this.revocations.isRevoked(principal.sessionId)) throw new SessionEnded();
    const command = Object.hasOwn(LIVE_COMMANDS, event) ? LIVE_COMMANDS[event] : undefined;
    if (!command) throw invalid([{ field: 'event', message: `Unknown event "${event}"; the events are ${LIVE_EVENT_NAMES.join(', ')}` }]);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw invalid([{ field: 'payload', message: `The payload of "${event}" must be an object` }]);
    }
    const input = plainToInstance(command.input, payload);
    const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) throw invalid(flatten(errors));
    return command.run({ queue: this.queue, principal, socket }, input);
  }

  private async consume(socketId: string): Promise<void> {
    try {
      await this.limiter.consume(socketId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new AppException('rate_limited', `Too many events: at most ${this.perSecond} per second; retry in ${Math.ceil(error.msBeforeNext / 1000)} s`);
    }
  }

  /** Forgets a socket's budget once it has gone. */
  forget(socketId: string): void {
    void this.limiter.delete(socketId).catch(() => undefined);
  }

  private toAckError(error: unknown, socket: LiveSocket, event: string): AckError {
    if (error instanceof SessionEnded) return { code: 'unauthenticated', message: 'This session has ended; log in again' };
    if (error instanceof AppException) {
      const { code, message, details } = error.getResponse() as AckError;
      return details ? { code, message, details } : { code, message };
    }
    this.logger.error({ err: error, event, socketId: socket.id, userId: socket.data.principal.userId }, 'live event failed');
    return INTERNAL;
  }
}
