import { Module } from '@nestjs/common';
import { HelpQueue } from './help-queue.js';
import { IdempotentCommands } from './idempotent-commands.js';
import { LiveEventLog } from './live-event-log.js';
import { LivePresence } from './live-presence.js';
import { LivePublisher } from './live-publisher.js';
import { TicketsRepository } from './tickets.repository.js';

/** The help queue, usable from any process: the realtime gateway, the API's REST fallback, the worker. */
@Module({
  providers: [HelpQueue, TicketsRepository, LiveEventLog, LivePublisher, LivePresence, IdempotentCommands],
  exports: [HelpQueue, LivePresence, LivePublisher, LiveEventLog],
})
export class HelpQueueModule {}
