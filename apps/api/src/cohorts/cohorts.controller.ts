import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CohortsService } from './cohorts.service.js';
import { CohortDto, CohortMemberDto, CreateCohortDto, UpdateCohortDto } from './dto/cohort.dto.js';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @ApiOkResponse({ type: [CohortDto], description: 'All cohorts for an admin; my cohorts otherwise' })
  list(@CurrentPrincipal() principal: Principal): Promise<CohortDto[]> {
    return this.cohorts.list(principal);
  }

  @Get(':cohortId')
  @ApiOkResponse({ type: CohortDto })
  get(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<CohortDto> {
    return this.cohorts.get(principal, cohortId);
  }

  @Get(':cohortId/members')
  @ApiOkResponse({ type: [CohortMemberDto] })
  members(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<CohortMemberDto[]> {
    return this.cohorts.members(principal, cohortId);
  }

  @Post()
  @AdminOnly()
  @ApiCreatedResponse({ type: CohortDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCohortDto): Promise<CohortDto> {
    return this.cohorts.create(principal, body);
  }

  @Patch(':cohortId')
  @AdminOnly()
  @ApiOkResponse({ type: CohortDto })
  update(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: UpdateCohortDto): Promise<CohortDto> {
    return this.cohorts.update(principal, cohortId, body);
  }
}
