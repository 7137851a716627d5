import { Module } from '@nestjs/common';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';
import { MyWeekController } from './my-week.controller.js';
import { MyWeekRepository } from './my-week.repository.js';
import { PresentialWeeksController } from './presential-weeks.controller.js';
import { PresentialWeeksService } from './presential-weeks.service.js';
import { RhythmService } from './rhythm.service.js';

@Module({
  controllers: [PresentialWeeksController, MyWeekController],
  providers: [CalendarRepository, MyWeekRepository, CalendarService, PresentialWeeksService, RhythmService],
  exports: [CalendarService, CalendarRepository],
})
export class CalendarModule {}
