import { Module } from '@nestjs/common';
import { BriefDeadlineEvents } from './brief-deadline-events.js';
import { CalendarFeedsController } from './calendar-feeds.controller.js';
import { CalendarFeedsRepository } from './calendar-feeds.repository.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { CohortWeekEvents } from './cohort-week-events.js';
import { FEED_EVENT_SOURCES, type FeedEventSource } from './feed-event.js';

/** Secret iCalendar addresses. A feature that adds entries to feeds provides a FeedEventSource and lists it below. */
@Module({
  controllers: [CalendarFeedsController],
  providers: [
    CalendarFeedsService,
    CalendarFeedsRepository,
    CohortWeekEvents,
    BriefDeadlineEvents,
    {
      provide: FEED_EVENT_SOURCES,
      inject: [CohortWeekEvents, BriefDeadlineEvents],
      useFactory: (...sources: FeedEventSource[]): FeedEventSource[] => sources,
    },
  ],
})
export class CalendarFeedsModule {}
