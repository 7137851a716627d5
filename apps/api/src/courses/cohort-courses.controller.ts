import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CohortCoursesService } from './cohort-courses.service.js';
import { AssignModuleDto, BehindQueryDto, LearnersBehindPageDto } from './dto/course.dto.js';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('cohorts/:cohortId')
export class CohortCoursesController {
  constructor(private readonly cohortCourses: CohortCoursesService) {}

  @Post('module-assignments')
  @ApiCreatedResponse({ description: 'The module, to prepare before on-site week N or to study during distance week N, with its due date' })
  assign(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: AssignModuleDto) {
    return this.cohortCourses.assign(principal, cohortId, body);
  }

  @Get('module-assignments')
  @ApiOkResponse({ description: 'The cohort’s modules by due date (learners: of published courses)' })
  assignments(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string) {
    return this.cohortCourses.assignments(principal, cohortId);
  }

  @Delete('module-assignments/:assignmentId')
  @HttpCode(204)
  @ApiNoContentResponse()
  unassign(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Param('assignmentId', UuidPipe) assignmentId: string) {
    return this.cohortCourses.unassign(principal, cohortId, assignmentId);
  }

  @Put('resources/:resourceId/done')
  @ApiOkResponse({ description: 'The caller (a learner) marks the resource done' })
  markDone(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Param('resourceId', UuidPipe) resourceId: string) {
    return this.cohortCourses.markDone(principal, cohortId, resourceId, true);
  }

  @Delete('resources/:resourceId/done')
  @ApiOkResponse({ description: 'The caller (a learner) marks the resource not done' })
  markNotDone(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Param('resourceId', UuidPipe) resourceId: string) {
    return this.cohortCourses.markDone(principal, cohortId, resourceId, false);
  }

  @Get('course-progress/me')
  @ApiOkResponse({ description: 'The caller’s progress per assigned module' })
  myProgress(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string) {
    return this.cohortCourses.myProgress(principal, cohortId);
  }

  @Get('course-progress')
  @ApiOkResponse({ description: 'For facilitators: progress per module and for the whole cohort' })
  cohortProgress(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string) {
    return this.cohortCourses.cohortProgress(principal, cohortId);
  }

  @Get('learners-behind')
  @ApiOkResponse({
    type: LearnersBehindPageDto,
    description: 'Learners who did less than what is due, the furthest behind first, each with the modules left and since when; keyset-paginated by `cursor`',
  })
  behind(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: BehindQueryDto): Promise<LearnersBehindPageDto> {
    return this.cohortCourses.behind(principal, cohortId, query);
  }
}
