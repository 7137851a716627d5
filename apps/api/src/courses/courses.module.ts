import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CohortCoursesController } from './cohort-courses.controller.js';
import { CohortCoursesService } from './cohort-courses.service.js';
import { CoursesController } from './courses.controller.js';
import { CoursesRepository } from './courses.repository.js';
import { CoursesService } from './courses.service.js';

@Module({
  imports: [CalendarModule],
  controllers: [CoursesController, CohortCoursesController],
  providers: [CoursesRepository, CoursesService, CohortCoursesService],
})
export class CoursesModule {}
