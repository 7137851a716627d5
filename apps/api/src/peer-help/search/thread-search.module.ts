import { Module } from '@nestjs/common';
import { HelpViewers } from '../help-viewer.js';
import { FacilitatorUnansweredController } from './facilitator-unanswered.controller.js';
import { ThreadSearchController } from './thread-search.controller.js';
import { ThreadSearchRepository } from './thread-search.repository.js';
import { ThreadSearchService } from './thread-search.service.js';

/** Finding threads: full-text search, similar titles while asking, and the facilitators' unanswered queue. */
@Module({
  controllers: [ThreadSearchController, FacilitatorUnansweredController],
  providers: [HelpViewers, ThreadSearchRepository, ThreadSearchService],
  exports: [ThreadSearchService],
})
export class ThreadSearchModule {}
