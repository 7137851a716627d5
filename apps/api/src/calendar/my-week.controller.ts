import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { CalendarService, type MyWeekDto } from './calendar.service.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/week')
export class MyWeekController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiQuery({ name: 'date', required: false, example: '2026-10-07', description: 'Any day; today in the cohort’s time zone by default' })
  @ApiOkResponse({ description: 'Per cohort of mine: this week (on site or at home, where), and the next on-site week' })
  get(@CurrentPrincipal() principal: Principal, @Query('date') date?: string): Promise<MyWeekDto[]> {
    return this.calendar.myWeek(principal, date);
  }
}
