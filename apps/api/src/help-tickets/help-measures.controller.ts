import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { HelpMeasuresDto, MeasuredTicketPageDto, MeasuredTicketsQueryDto, MeasuresRangeQueryDto } from './dto/measures.dto.js';
import { HelpMeasuresService } from './help-measures.service.js';

@ApiTags('help-tickets')
@ApiBearerAuth()
@Controller('cohorts/:cohortId/help-measures')
export class HelpMeasuresController {
  constructor(private readonly measures: HelpMeasuresService) {}

  @Get()
  @ApiOkResponse({
    type: HelpMeasuresDto,
    description: 'Facilitators of the cohort and admins: per day (in the site’s time zone) and per facilitator; the last 7 days by default, at most 92',
  })
  get(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: MeasuresRangeQueryDto): Promise<HelpMeasuresDto> {
    return this.measures.measures(principal, cohortId, query);
  }

  @Get('tickets')
  @ApiOkResponse({ type: MeasuredTicketPageDto, description: 'Facilitators of the cohort and admins: each ticket raised in the range, oldest first, by cursor' })
  tickets(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: MeasuredTicketsQueryDto): Promise<MeasuredTicketPageDto> {
    return this.measures.tickets(principal, cohortId, query);
  }
}
