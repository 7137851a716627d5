import { Module } from '@nestjs/common';
import { HelpQueueModule } from '@fabrique/help-queue';
import { ThreadSearchModule } from '../peer-help/search/thread-search.module.js';
import { HelpMeasuresController } from './help-measures.controller.js';
import { HelpMeasuresService } from './help-measures.service.js';
import { HelpTicketsRepository } from './help-tickets.repository.js';
import { HelpTicketsService } from './help-tickets.service.js';
import { TicketsController } from './tickets.controller.js';

/** The help queue's REST side: raising and reading tickets without a socket, publishing them as threads, suggestions, measures. */
@Module({
  imports: [HelpQueueModule, ThreadSearchModule],
  controllers: [TicketsController, HelpMeasuresController],
  providers: [HelpTicketsRepository, HelpTicketsService, HelpMeasuresService],
})
export class HelpTicketsModule {}
