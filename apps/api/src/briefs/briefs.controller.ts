import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { BriefsService } from './briefs.service.js';
import { AssignBriefDto, AssignmentDto } from './dto/assignment.dto.js';
import { BriefDto, CreateBriefDto, UpdateBriefDto } from './dto/brief.dto.js';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller()
export class BriefsController {
  constructor(private readonly briefs: BriefsService) {}

  @Post('tracks/:trackId/briefs')
  @ApiCreatedResponse({ type: BriefDto, description: 'Admins and facilitators of a cohort of the track' })
  create(@CurrentPrincipal() principal: Principal, @Param('trackId', UuidPipe) trackId: string, @Body() body: CreateBriefDto): Promise<BriefDto> {
    return this.briefs.create(principal, trackId, body);
  }

  @Get('tracks/:trackId/briefs')
  @ApiOkResponse({ type: [BriefDto], description: 'The track’s briefs, reusable by each of its cohorts' })
  list(@CurrentPrincipal() principal: Principal, @Param('trackId', UuidPipe) trackId: string): Promise<BriefDto[]> {
    return this.briefs.list(principal, trackId);
  }

  @Get('briefs/:briefId')
  @ApiOkResponse({ type: BriefDto })
  get(@CurrentPrincipal() principal: Principal, @Param('briefId', UuidPipe) briefId: string): Promise<BriefDto> {
    return this.briefs.get(principal, briefId);
  }

  @Patch('briefs/:briefId')
  @ApiOkResponse({ type: BriefDto, description: 'Visible to assigned cohorts through updatedAt; recorded as a brief.updated event' })
  update(@CurrentPrincipal() principal: Principal, @Param('briefId', UuidPipe) briefId: string, @Body() body: UpdateBriefDto): Promise<BriefDto> {
    return this.briefs.update(principal, briefId, body);
  }

  @Post('cohorts/:cohortId/assignments')
  @ApiCreatedResponse({ type: AssignmentDto, description: 'Facilitators: start and due are local to the cohort’s site; group briefs form their groups here' })
  assign(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: AssignBriefDto): Promise<AssignmentDto> {
    return this.briefs.assign(principal, cohortId, body);
  }

  @Get('cohorts/:cohortId/assignments')
  @ApiOkResponse({ type: [AssignmentDto] })
  assignments(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<AssignmentDto[]> {
    return this.briefs.assignments(principal, cohortId);
  }

  @Get('assignments/:assignmentId')
  @ApiOkResponse({ type: AssignmentDto })
  assignment(@CurrentPrincipal() principal: Principal, @Param('assignmentId', UuidPipe) assignmentId: string): Promise<AssignmentDto> {
    return this.briefs.assignment(principal, assignmentId);
  }
}
