import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CoursesService } from './courses.service.js';
import {
  CreateCourseDto,
  CreateModuleDto,
  CreateResourceDto,
  ListCoursesQueryDto,
  ReorderModulesDto,
  ReorderResourcesDto,
  UpdateCourseDto,
  UpdateModuleDto,
  UpdateResourceDto,
} from './dto/course.dto.js';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Post()
  @ApiCreatedResponse({ description: 'A draft course of the track; admins and facilitators of the track only' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCourseDto) {
    return this.courses.create(principal, body);
  }

  @Get()
  @ApiOkResponse({ description: 'Courses the caller may read (learners: published courses of their tracks)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCoursesQueryDto) {
    return this.courses.list(principal, query.trackId);
  }

  @Get(':courseId')
  @ApiOkResponse({ description: 'The course, its modules and resources in order (learners: modules assigned to their cohorts)' })
  view(@CurrentPrincipal() principal: Principal, @Param('courseId', UuidPipe) courseId: string) {
    return this.courses.view(principal, courseId);
  }

  @Patch(':courseId')
  @ApiOkResponse({ description: 'Edits, publishes (status: published) or withdraws the course' })
  update(@CurrentPrincipal() principal: Principal, @Param('courseId', UuidPipe) courseId: string, @Body() body: UpdateCourseDto) {
    return this.courses.update(principal, courseId, body);
  }

  @Post(':courseId/modules')
  @ApiCreatedResponse({ description: 'Appended after the last module' })
  addModule(@CurrentPrincipal() principal: Principal, @Param('courseId', UuidPipe) courseId: string, @Body() body: CreateModuleDto) {
    return this.courses.addModule(principal, courseId, body);
  }

  @Put(':courseId/modules/order')
  @ApiOkResponse({ description: 'The modules at positions 1..n in the given order' })
  reorderModules(@CurrentPrincipal() principal: Principal, @Param('courseId', UuidPipe) courseId: string, @Body() body: ReorderModulesDto) {
    return this.courses.reorderModules(principal, courseId, body.moduleIds);
  }

  @Patch(':courseId/modules/:moduleId')
  updateModule(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', UuidPipe) courseId: string,
    @Param('moduleId', UuidPipe) moduleId: string,
    @Body() body: UpdateModuleDto,
  ) {
    return this.courses.updateModule(principal, courseId, moduleId, body);
  }

  @Delete(':courseId/modules/:moduleId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed with its resources; the following modules move up' })
  removeModule(@CurrentPrincipal() principal: Principal, @Param('courseId', UuidPipe) courseId: string, @Param('moduleId', UuidPipe) moduleId: string) {
    return this.courses.removeModule(principal, courseId, moduleId);
  }

  @Post(':courseId/modules/:moduleId/resources')
  @ApiCreatedResponse({ description: 'Appended after the module’s last resource' })
  addResource(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', UuidPipe) courseId: string,
    @Param('moduleId', UuidPipe) moduleId: string,
    @Body() body: CreateResourceDto,
  ) {
    return this.courses.addResource(principal, courseId, moduleId, body);
  }

  @Put(':courseId/modules/:moduleId/resources/order')
  @ApiOkResponse({ description: 'The module’s resources at positions 1..n in the given order' })
  reorderResources(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', UuidPipe) courseId: string,
    @Param('moduleId', UuidPipe) moduleId: string,
    @Body() body: ReorderResourcesDto,
  ) {
    return this.courses.reorderResources(principal, courseId, moduleId, body.resourceIds);
  }

  @Patch(':courseId/resources/:resourceId')
  updateResource(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', UuidPipe) courseId: string,
    @Param('resourceId', UuidPipe) resourceId: string,
    @Body() body: UpdateResourceDto,
  ) {
    return this.courses.updateResource(principal, courseId, resourceId, body);
  }

  @Delete(':courseId/resources/:resourceId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; the following resources move up' })
  removeResource(@CurrentPrincipal() principal: Principal, @Param('courseId', UuidPipe) courseId: string, @Param('resourceId', UuidPipe) resourceId: string) {
    return this.courses.removeResource(principal, courseId, resourceId);
  }
}
