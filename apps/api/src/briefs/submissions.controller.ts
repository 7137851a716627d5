import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ReviewInputDto, SubmissionDto, SubmissionPageDto, SubmitDto, ToReviewQueryDto, WorkDto } from './dto/submission.dto.js';
import { SubmissionsService } from './submissions.service.js';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('assignments/:assignmentId/submissions')
  @ApiCreatedResponse({ type: WorkDto, description: 'Learners: a new version of my (or my group’s) work; after the due time it is marked late' })
  submit(@CurrentPrincipal() principal: Principal, @Param('assignmentId', UuidPipe) assignmentId: string, @Body() body: SubmitDto): Promise<WorkDto> {
    return this.submissions.submit(principal, assignmentId, body);
  }

  @Get('assignments/:assignmentId/submissions/mine')
  @ApiOkResponse({ type: WorkDto, description: 'Learners: every version of my (or my group’s) work, with reviews' })
  mine(@CurrentPrincipal() principal: Principal, @Param('assignmentId', UuidPipe) assignmentId: string): Promise<WorkDto> {
    return this.submissions.work(principal, assignmentId);
  }

  @Get('cohorts/:cohortId/submissions/to-review')
  @ApiOkResponse({ type: SubmissionPageDto, description: 'Facilitators: latest unreviewed versions, oldest first, by cursor' })
  toReview(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: ToReviewQueryDto): Promise<SubmissionPageDto> {
    return this.submissions.toReview(principal, cohortId, query.cursor, query.limit);
  }

  @Get('submissions/:submissionId')
  @ApiOkResponse({ type: SubmissionDto })
  get(@CurrentPrincipal() principal: Principal, @Param('submissionId', UuidPipe) submissionId: string): Promise<SubmissionDto> {
    return this.submissions.get(principal, submissionId);
  }

  @Post('submissions/:submissionId/review')
  @ApiCreatedResponse({ type: SubmissionDto, description: 'The cohort’s facilitators: a level 0–3 per targeted competency and a verdict' })
  review(@CurrentPrincipal() principal: Principal, @Param('submissionId', UuidPipe) submissionId: string, @Body() body: ReviewInputDto): Promise<SubmissionDto> {
    return this.submissions.review(principal, submissionId, body);
  }
}
