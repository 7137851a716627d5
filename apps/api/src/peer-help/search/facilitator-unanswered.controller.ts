import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { ThreadPageDto } from '../dto/thread.dto.js';
import { UnansweredQueryDto } from './dto/search.dto.js';
import { ThreadSearchService } from './thread-search.service.js';

@ApiTags('peer-help')
@ApiBearerAuth()
@Controller('facilitator')
export class FacilitatorUnansweredController {
  constructor(private readonly search: ThreadSearchService) {}

  @Get('unanswered')
  @ApiOkResponse({
    type: ThreadPageDto,
    description: 'Facilitators and admins: questions without a reply for more than 24 hours in the cohorts you facilitate (and their tracks’ shared ones), oldest first, by cursor',
  })
  unanswered(@CurrentPrincipal() principal: Principal, @Query() query: UnansweredQueryDto): Promise<ThreadPageDto> {
    return this.search.unanswered(principal, query);
  }
}
