import type { EntityManager } from 'typeorm';
import { assignmentDue, buildCohortCalendar, isHttpUrl, isLate, localDateTimeToInstant, reviewCoverageProblem } from '@fabrique/domain';
import {
  AssignmentGroup,
  AssignmentGroupMember,
  Brief,
  BriefAssignment,
  BriefCompetency,
  Course,
  CourseModule,
  CourseResource,
  ModuleAssignment,
  type NewDomainEvent,
  ResourceCompletion,
  Review,
  ReviewLevel,
  Submission,
} from '@fabrique/persistence';
import { CalendarRepository } from '../calendar/calendar.repository.js';
import { DEMO_BRIEFS, DEMO_COURSE, type DemoBrief } from './demo-data.js';

export interface DemoLearningResult {
  /** Rows this run inserted, by table family; all 0 once the demo's course and briefs exist. */
  courses: number;
  modules: number;
  resources: number;
  moduleAssignments: number;
  completions: number;
  briefs: number;
  briefAssignments: number;
  groups: number;
  submissions: number;
  reviews: number;
  /** Module assignments left out because the cohort's calendar has no such week any more. */
  unassignable: string[];
}

export interface DemoLearningTarget {
  trackId: string;
  cohortId: string;
  facilitatorId: string;
  /** Learner ids of the cohort, by e-mail. */
  learners: Map<string, string>;
}

/** Which learner marks which resources done: module index, resource indexes. */
const DEMO_COMPLETIONS: Array<{ email: string; done: Array<[number, number[]]> }> = [
  { email: 'sandrine.lemaire@fabrique.demo', done: [[0, [0, 1, 2, 3]], [1, [0]]] },
  { email: 'kevin.dasilva@fabrique.demo', done: [[0, [0, 1]]] },
];

/**
 * The demo's course and briefs for Promo 1, with the manager of the seed's transaction.
 * Insert-only: the course is found by title in the track, a brief by title in the track, a module
 * assignment by module and cohort, a brief assignment by brief and cohort. What users have since
 * changed (a module moved, a brief reworded, a review given) is left as it is; the submissions,
 * groups and review are written only with the brief assignment they belong to, and resources marked
 * done only with the module assignment. Due dates and instants come from the API's domain rules.
 */
export async function seedDemoLearning(manager: EntityManager, target: DemoLearningTarget): Promise<{ learning: DemoLearningResult; events: NewDomainEvent[] }> {
  const learning: DemoLearningResult = {
    courses: 0, modules: 0, resources: 0, moduleAssignments: 0, completions: 0, briefs: 0, briefAssignments: 0, groups: 0, submissions: 0, reviews: 0, unassignable: [],
  };
  const events: NewDomainEvent[] = [];
  const repository = new CalendarRepository(manager.connection);
  const cohort = await repository.cohort(target.cohortId, manager);
  if (!cohort) throw new Error(`Cohort ${target.cohortId} not found`);

  await seedCourse(manager, target, cohort, repository, learning, events);
  for (const brief of DEMO_BRIEFS) await seedBrief(manager, target, cohort.timeZone as string, brief, learning, events);
  return { learning, events };
}

async function seedCourse(
  manager: EntityManager,
  target: DemoLearningTarget,
  cohort: { startsOn: string; endsOn: string },
  repository: CalendarRepository,
  learning: DemoLearningResult,
  events: NewDomainEvent[],
): Promise<void> {
  let course = await manager
    .getRepository(Course)
    .createQueryBuilder('course')
    .where('course.trackId = :trackId AND lower(course.title) = lower(:title)', { trackId: target.trackId, title: DEMO_COURSE.title })
    .getOne();
  if (!course) {
    course = await manager.save(Course, manager.create(Course, { trackId: target.trackId, title: DEMO_COURSE.title, summary: DEMO_COURSE.summary, status: 'published' }));
    learning.courses++;
    for (const [index, module] of DEMO_COURSE.modules.entries()) {
      const saved = await manager.save(CourseModule, manager.create(CourseModule, { courseId: course.id, position: index + 1, title: module.title, summary: module.summary }));
      await manager.insert(CourseResource, module.resources.map((resource, position) => ({ ...resource, moduleId: saved.id, position: position + 1 })));
      learning.modules++;
      learning.resources += module.resources.length;
    }
  }

  // Modules are matched by title: one an author renamed or removed is not assigned (nor recreated).
  const modules = await manager.findBy(CourseModule, { courseId: course.id });
  const calendar = buildCohortCalendar(cohort, await repository.weeks(target.cohortId, manager));
  for (const [index, demo] of DEMO_COURSE.modules.entries()) {
    const module = modules.find((candidate) => candidate.title.toLowerCase() === demo.title.toLowerCase());
    if (!module || !demo.assignment) continue;
    if (await manager.findOneBy(ModuleAssignment, { cohortId: target.cohortId, moduleId: module.id })) continue;
    const due = assignmentDue(calendar, demo.assignment.mode, demo.assignment.week);
    if (!due) {
      learning.unassignable.push(`${demo.title} (${demo.assignment.mode} ${demo.assignment.week})`);
      continue;
    }
    const saved = await manager.save(ModuleAssignment, manager.create(ModuleAssignment, { cohortId: target.cohortId, moduleId: module.id, ...demo.assignment, ...due }));
    learning.moduleAssignments++;
    events.push({ type: 'module.assigned', aggregateType: 'cohort', aggregateId: target.cohortId, payload: { assignmentId: saved.id, moduleId: module.id, ...demo.assignment, ...due } });

    const resources = await manager.find(CourseResource, { where: { moduleId: module.id }, order: { position: 'ASC' } });
    for (const { email, done } of DEMO_COMPLETIONS) {
      const userId = target.learners.get(email);
      const positions = done.find(([moduleIndex]) => moduleIndex === index)?.[1] ?? [];
      const rows = positions.flatMap((position) => (resources[position] && userId ? [{ resourceId: resources[position].id, userId }] : []));
      if (rows.length === 0) continue;
      const inserted = await manager.createQueryBuilder().insert().into(ResourceCompletion).values(rows).orIgnore().returning('resource_id').execute();
      learning.completions += inserted.raw.length;
    }
  }
}

async function seedBrief(manager: EntityManager, target: DemoLearningTarget, timeZone: string, demo: DemoBrief, learning: DemoLearningResult, events: NewDomainEvent[]): Promise<void> {
  const competencies = await manager.query(`SELECT id, code FROM competencies WHERE track_id = $1`, [target.trackId]);
  const competencyIds = new Map<string, string>(competencies.map((row: { id: string; code: string }) => [row.code, row.id]));

  let brief = await manager
    .getRepository(Brief)
    .createQueryBuilder('brief')
    .where('brief.trackId = :trackId AND lower(brief.title) = lower(:title)', { trackId: target.trackId, title: demo.title })
    .getOne();
  if (!brief) {
    const fields = { title: demo.title, context: demo.context, deliverables: demo.deliverables, mode: demo.mode };
    brief = await manager.save(Brief, manager.create(Brief, { ...fields, trackId: target.trackId, createdBy: target.facilitatorId }));
    await manager.insert(
      BriefCompetency,
      demo.competencies.map(({ code, expectedLevel }) => ({ briefId: (brief as Brief).id, competencyId: requireId(competencyIds, code, 'competency'), expectedLevel })),
    );
    learning.briefs++;
    events.push({ type: 'brief.created', aggregateType: 'brief', aggregateId: brief.id, payload: { ...fields, competencies: demo.competencies } });
  }
  if (await manager.findOneBy(BriefAssignment, { briefId: brief.id, cohortId: target.cohortId })) return;
  // A brief an author turned into the other mode would need other groups: leave it to the facilitator.
  if (brief.mode !== demo.mode) return;

  const startsAt = localDateTimeToInstant(demo.start.date, demo.start.time, timeZone);
  const dueAt = localDateTimeToInstant(demo.due.date, demo.due.time, timeZone);
  const assignment = await manager.save(
    BriefAssignment,
    manager.create(BriefAssignment, { briefId: brief.id, cohortId: target.cohortId, startsAt, dueAt, assignedBy: target.facilitatorId }),
  );
  learning.briefAssignments++;
  // Every learner of the cohort in one group, as the API requires: one the demo does not know joins the last group.
  const groupOf = new Map<string, string>();
  let groups = 0;
  if (demo.mode === 'group') {
    const placed = new Set(demo.groups.flatMap((group) => group.learners));
    const others = [...target.learners].filter(([email]) => !placed.has(email)).map(([, id]) => id);
    for (const [index, group] of demo.groups.entries()) {
      const ids = group.learners.flatMap((email) => (target.learners.has(email) ? [target.learners.get(email) as string] : []));
      if (index === demo.groups.length - 1) ids.push(...others);
      if (ids.length === 0) continue;
      const saved = await manager.save(AssignmentGroup, manager.create(AssignmentGroup, { assignmentId: assignment.id, name: group.name }));
      await manager.insert(AssignmentGroupMember, ids.map((learnerId) => ({ assignmentId: assignment.id, groupId: saved.id, learnerId })));
      for (const id of ids) groupOf.set(id, saved.id);
      groups++;
    }
  }
  learning.groups += groups;
  events.push({
    type: 'brief.assigned',
    aggregateType: 'cohort',
    aggregateId: target.cohortId,
    payload: { assignmentId: assignment.id, briefId: brief.id, startsAt: startsAt.toISOString(), dueAt: dueAt.toISOString(), groups },
  });

  const versions = new Map<string, number>();
  for (const submission of demo.submissions) {
    const learnerId = target.learners.get(submission.by);
    if (!learnerId) continue;
    const badLink = submission.links.find((link) => !isHttpUrl(link));
    if (badLink) throw new Error(`Demo submission link ${badLink} is not an http(s) URL`);
    const groupId = demo.mode === 'group' ? (groupOf.get(learnerId) ?? null) : null;
    const owner = groupId ?? learnerId;
    const version = (versions.get(owner) ?? 0) + 1;
    versions.set(owner, version);
    const submittedAt = localDateTimeToInstant(submission.at.date, submission.at.time, timeZone);
    const saved = await manager.save(
      Submission,
      manager.create(Submission, {
        assignmentId: assignment.id,
        learnerId: groupId ? null : learnerId,
        groupId,
        submittedBy: learnerId,
        version,
        links: submission.links,
        comment: submission.comment,
        submittedAt,
        late: isLate(submittedAt, dueAt),
      }),
    );
    learning.submissions++;
    events.push({
      type: 'submission.submitted',
      aggregateType: 'assignment',
      aggregateId: assignment.id,
      payload: { submissionId: saved.id, version, late: saved.late, groupId },
    });
    if (!submission.review) continue;
    const { review: input } = submission;
    const problem = reviewCoverageProblem(
      demo.competencies.map((competency) => competency.code),
      input.levels.map((level) => level.code),
    );
    if (problem) throw new Error(`Demo review of "${demo.title}": ${problem.message}`);
    // Reviewed a few days after it was submitted, before any later version.
    const reviewedAt = new Date(submittedAt.getTime() + 3 * 24 * 3600 * 1000);
    const review = await manager.save(
      Review,
      manager.create(Review, { submissionId: saved.id, reviewerId: target.facilitatorId, verdict: input.verdict, comment: input.comment, reviewedAt }),
    );
    await manager.insert(
      ReviewLevel,
      input.levels.map((level) => ({ reviewId: review.id, competencyId: requireId(competencyIds, level.code, 'competency'), level: level.level, comment: level.comment })),
    );
    learning.reviews++;
    events.push({
      type: 'submission.reviewed',
      aggregateType: 'assignment',
      aggregateId: assignment.id,
      payload: { submissionId: saved.id, reviewId: review.id, verdict: input.verdict, levels: input.levels.map(({ code, level }) => ({ code, level })) },
    });
  }
}

function requireId(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo ${what} ${key} not found`);
  return id;
}
