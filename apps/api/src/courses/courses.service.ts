import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { describeReorderProblem, positionsOf, reorderProblem } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { Course, CourseModule, CourseResource, recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { type CourseRow, CoursesRepository, type ModuleRow, type ResourceRow } from './courses.repository.js';
import type {
  CreateCourseDto,
  CreateModuleDto,
  CreateResourceDto,
  UpdateCourseDto,
  UpdateModuleDto,
  UpdateResourceDto,
} from './dto/course.dto.js';

export interface CourseView extends CourseRow {
  modules: Array<ModuleRow & { resources: ResourceRow[] }>;
}

/**
 * Authoring of courses, modules and resources. Admins and facilitators of any cohort of the
 * course's track author; learners of the track read published courses only, and only the
 * modules assigned to their cohorts. A course you may not read does not exist for you (404).
 */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesRepository,
  ) {}

  async create(principal: Principal, input: CreateCourseDto): Promise<CourseView> {
    if (!(await this.courses.trackExists(input.trackId))) throw invalidField('trackId', 'trackId does not match a track');
    if (!(await this.courses.isAuthor(principal, input.trackId))) {
      throw new AppException('forbidden', 'Only admins and facilitators of this track author its courses');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const course = await manager.save(Course, manager.create(Course, { trackId: input.trackId, title: input.title, summary: input.summary ?? '' }));
      await recordEvents(manager, [this.event('course.created', course.id, principal, { trackId: input.trackId, title: input.title })]);
      return course.id;
    });
    return this.view(principal, id);
  }

  list(principal: Principal, trackId?: string): Promise<CourseRow[]> {
    return this.courses.visibleCourses(principal, trackId);
  }

  /** The course with its modules and resources in order; learners see only the modules assigned to their cohorts. */
  async view(principal: Principal, courseId: string): Promise<CourseView> {
    const { course, author } = await this.readable(principal, courseId);
    let modules = await this.courses.modules(courseId);
    if (!author) {
      const assigned = await this.courses.assignedModuleIds(principal.userId, courseId);
      modules = modules.filter((module) => assigned.has(module.id));
    }
    const resources = await this.courses.resources(modules.map((module) => module.id));
    return { ...course, modules: modules.map((module) => ({ ...module, resources: resources.filter((r) => r.moduleId === module.id) })) };
  }

  async update(principal: Principal, courseId: string, changes: UpdateCourseDto): Promise<CourseView> {
    await this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager);
      if (Object.keys(changes).length > 0) await manager.update(Course, { id: courseId }, changes);
      const type = changes.status === 'published' ? 'course.published' : 'course.updated';
      await recordEvents(manager, [this.event(type, courseId, principal, { ...changes })]);
    });
    return this.view(principal, courseId);
  }

  async addModule(principal: Principal, courseId: string, input: CreateModuleDto): Promise<ModuleRow> {
    return this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager, true);
      const position = await this.courses.nextModulePosition(courseId, manager);
      const module = await manager.save(CourseModule, manager.create(CourseModule, { courseId, position, title: input.title, summary: input.summary ?? '' }));
      await recordEvents(manager, [this.event('course.module_added', courseId, principal, { moduleId: module.id, position })]);
      return (await this.courses.module(courseId, module.id, manager)) as ModuleRow;
    });
  }

  async updateModule(principal: Principal, courseId: string, moduleId: string, changes: UpdateModuleDto): Promise<ModuleRow> {
    return this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager);
      await this.requireModule(courseId, moduleId, manager);
      if (Object.keys(changes).length > 0) await manager.update(CourseModule, { id: moduleId }, changes);
      await recordEvents(manager, [this.event('course.module_updated', courseId, principal, { moduleId, ...changes })]);
      return (await this.courses.module(courseId, moduleId, manager)) as ModuleRow;
    });
  }

  /** Removes a module and closes the gap it leaves. */
  async removeModule(principal: Principal, courseId: string, moduleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager, true);
      await this.requireModule(courseId, moduleId, manager);
      await manager.delete(CourseModule, { id: moduleId });
      const rest = await this.courses.modules(courseId, manager);
      await this.courses.setPositions('course_modules', positionsOf(rest.map((module) => module.id)), manager);
      await recordEvents(manager, [this.event('course.module_removed', courseId, principal, { moduleId })]);
    });
  }

  async reorderModules(principal: Principal, courseId: string, moduleIds: string[]): Promise<ModuleRow[]> {
    return this.dataSource.transaction(async (manager) => {
      // The lock on the course queues a concurrent reorder until this one commits; it then reads the new order.
      await this.authored(principal, courseId, manager, true);
      const current = await this.courses.modules(courseId, manager);
      const problem = reorderProblem(current.map((module) => module.id), moduleIds);
      if (problem) throw invalidField('moduleIds', `moduleIds ${describeReorderProblem(problem)}`);
      await this.courses.setPositions('course_modules', positionsOf(moduleIds), manager);
      await recordEvents(manager, [this.event('course.modules_reordered', courseId, principal, { moduleIds })]);
      return this.courses.modules(courseId, manager);
    });
  }

  async addResource(principal: Principal, courseId: string, moduleId: string, input: CreateResourceDto): Promise<ResourceRow> {
    return this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager);
      await this.requireModule(courseId, moduleId, manager, true);
      const position = await this.courses.nextResourcePosition(moduleId, manager);
      const resource = await manager.save(CourseResource, manager.create(CourseResource, { moduleId, position, ...input }));
      await recordEvents(manager, [this.event('course.resource_added', courseId, principal, { moduleId, resourceId: resource.id, position })]);
      return (await this.courses.resource(courseId, resource.id, manager)) as ResourceRow;
    });
  }

  async updateResource(principal: Principal, courseId: string, resourceId: string, changes: UpdateResourceDto): Promise<ResourceRow> {
    return this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager);
      if (!(await this.courses.resource(courseId, resourceId, manager))) throw new AppException('not_found', 'Resource not found');
      if (Object.keys(changes).length > 0) await manager.update(CourseResource, { id: resourceId }, changes);
      await recordEvents(manager, [this.event('course.resource_updated', courseId, principal, { resourceId, ...changes })]);
      return (await this.courses.resource(courseId, resourceId, manager)) as ResourceRow;
    });
  }

  /** Removes a resource and closes the gap it leaves in its module. */
  async removeResource(principal: Principal, courseId: string, resourceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager);
      const resource = await this.courses.resource(courseId, resourceId, manager);
      if (!resource) throw new AppException('not_found', 'Resource not found');
      await this.requireModule(courseId, resource.moduleId, manager, true);
      await manager.delete(CourseResource, { id: resourceId });
      const rest = await this.courses.resources([resource.moduleId], manager);
      await this.courses.setPositions('course_resources', positionsOf(rest.map((r) => r.id)), manager);
      await recordEvents(manager, [this.event('course.resource_removed', courseId, principal, { resourceId, moduleId: resource.moduleId })]);
    });
  }

  async reorderResources(principal: Principal, courseId: string, moduleId: string, resourceIds: string[]): Promise<ResourceRow[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.authored(principal, courseId, manager);
      // Locks the module, so a concurrent reorder of the same module waits and then sees this one's result.
      await this.requireModule(courseId, moduleId, manager, true);
      const current = await this.courses.resources([moduleId], manager);
      const problem = reorderProblem(current.map((r) => r.id), resourceIds);
      if (problem) throw invalidField('resourceIds', `resourceIds ${describeReorderProblem(problem)}`);
      await this.courses.setPositions('course_resources', positionsOf(resourceIds), manager);
      await recordEvents(manager, [this.event('course.resources_reordered', courseId, principal, { moduleId, resourceIds })]);
      return this.courses.resources([moduleId], manager);
    });
  }

  /** The course if the principal may read it (404 otherwise), and whether they author it. */
  private async readable(principal: Principal, courseId: string, manager?: EntityManager, lock = false): Promise<{ course: CourseRow; author: boolean }> {
    const course = await this.courses.course(courseId, manager, lock);
    if (!course) throw new AppException('not_found', 'Course not found');
    if (await this.courses.isAuthor(principal, course.trackId, manager)) return { course, author: true };
    if (course.status === 'published' && (await this.courses.isTrackMember(principal.userId, course.trackId))) return { course, author: false };
    throw new AppException('not_found', 'Course not found');
  }

  /** The course if the principal authors it: 404 when they cannot see it, 403 when they only read it. */
  private async authored(principal: Principal, courseId: string, manager: EntityManager, lock = false): Promise<CourseRow> {
    const { course, author } = await this.readable(principal, courseId, manager, lock);
    if (!author) throw new AppException('forbidden', 'Only admins and facilitators of this track author its courses');
    return course;
  }

  private async requireModule(courseId: string, moduleId: string, manager: EntityManager, lock = false): Promise<ModuleRow> {
    const module = await this.courses.module(courseId, moduleId, manager, lock);
    if (!module) throw new AppException('not_found', 'Module not found');
    return module;
  }

  private event(type: string, courseId: string, principal: Principal, payload: Record<string, unknown>) {
    return { type, aggregateType: 'course', aggregateId: courseId, actorId: principal.userId, payload };
  }
}
