import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CalendarService } from './calendar.service.js';
import { CalendarWeekDto, MarkPeriodDto, SchedulePresentialWeekDto, UpdatePresentialWeekDto } from './dto/presential-week.dto.js';
import { RhythmCommitDto, RhythmPlanDto } from './dto/rhythm.dto.js';
import { PresentialWeeksService } from './presential-weeks.service.js';
import { RhythmService } from './rhythm.service.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('cohorts/:cohortId')
export class PresentialWeeksController {
  constructor(
    private readonly weeks: PresentialWeeksService,
    private readonly rhythm: RhythmService,
    private readonly calendar: CalendarService,
  ) {}

  @Post('presential-weeks')
  @AdminOnly()
  @ApiCreatedResponse({ type: CalendarWeekDto })
  @ApiConflictResponse({ description: 'Names every clash: dates, room, capacity, facilitators, holidays' })
  async schedule(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: SchedulePresentialWeekDto) {
    return this.calendar.toDto(await this.weeks.schedule(principal, cohortId, body));
  }

  @Patch('presential-weeks/:weekId')
  @AdminOnly()
  @ApiOkResponse({ type: CalendarWeekDto, description: 'Edits the week; a new monday moves it' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidPipe) cohortId: string,
    @Param('weekId', UuidPipe) weekId: string,
    @Body() body: UpdatePresentialWeekDto,
  ) {
    return this.calendar.toDto(await this.weeks.update(principal, cohortId, weekId, body));
  }

  @Delete('presential-weeks/:weekId')
  @AdminOnly()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cancelled (kept in the history and the calendar feeds)' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Param('weekId', UuidPipe) weekId: string) {
    return this.weeks.cancel(principal, cohortId, weekId, ['presential']);
  }

  @Post('periods')
  @AdminOnly()
  @ApiCreatedResponse({ type: [CalendarWeekDto], description: 'Internship or holiday weeks from `from` to `to`' })
  async markPeriod(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: MarkPeriodDto) {
    return (await this.weeks.markPeriod(principal, cohortId, body)).map((week) => this.calendar.toDto(week));
  }

  @Delete('periods/:weekId')
  @AdminOnly()
  @HttpCode(204)
  unmark(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Param('weekId', UuidPipe) weekId: string) {
    return this.weeks.cancel(principal, cohortId, weekId, ['internship', 'holiday']);
  }

  @Post('rhythm/preview')
  @AdminOnly()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The weeks the rule yields, each with its clashes; nothing is written' })
  preview(@Param('cohortId', UuidPipe) cohortId: string, @Body() body: RhythmPlanDto) {
    return this.rhythm.preview(cohortId, body);
  }

  @Post('rhythm')
  @AdminOnly()
  @ApiCreatedResponse({ type: [CalendarWeekDto], description: 'The accepted weeks, scheduled in one transaction (all or none)' })
  async commit(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: RhythmCommitDto) {
    return (await this.rhythm.commit(principal, cohortId, body)).map((week) => this.calendar.toDto(week));
  }

  @Get('calendar')
  @ApiOkResponse({ type: [CalendarWeekDto], description: 'Every week of the cohort, in the site’s local dates' })
  cohortCalendar(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<CalendarWeekDto[]> {
    return this.calendar.cohortCalendar(principal, cohortId);
  }

  @Get('calendar/history')
  @AdminOnly()
  @ApiOkResponse({ description: 'Every change of the calendar, newest first, with who made it' })
  history(@Param('cohortId', UuidPipe) cohortId: string) {
    return this.calendar.history(cohortId);
  }
}
