import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ActivityLogEntry } from './attendance/activity-log-entry.entity.js';
import { AttendanceMark } from './attendance/attendance-mark.entity.js';
import { CheckInCode } from './attendance/check-in-code.entity.js';
import { AssignmentGroup, AssignmentGroupMember, BriefAssignment } from './briefs/brief-assignment.entity.js';
import { Brief, BriefCompetency } from './briefs/brief.entity.js';
import { Review, ReviewLevel, Submission } from './briefs/submission.entity.js';
import { CalendarFeed } from './calendar/calendar-feed.entity.js';
import { CohortWeekFacilitator } from './calendar/cohort-week-facilitator.entity.js';
import { CohortWeek } from './calendar/cohort-week.entity.js';
import { Competency } from './campus/competency.entity.js';
import { Room } from './campus/room.entity.js';
import { Site } from './campus/site.entity.js';
import { Track } from './campus/track.entity.js';
import { Cohort } from './cohorts/cohort.entity.js';
import { Membership } from './cohorts/membership.entity.js';
import { CourseModule } from './courses/course-module.entity.js';
import { CourseResource } from './courses/course-resource.entity.js';
import { Course } from './courses/course.entity.js';
import { ModuleAssignment } from './courses/module-assignment.entity.js';
import { ResourceCompletion } from './courses/resource-completion.entity.js';
import { DomainEvent } from './events/domain-event.entity.js';
import { Invitation } from './identity/invitation.entity.js';
import { RefreshToken } from './identity/refresh-token.entity.js';
import { User } from './identity/user.entity.js';
import { IdentitySitesCohorts1763900000000 } from './migrations/1763900000000-identity-sites-cohorts.js';
import { CohortWeeks1763910000000 } from './migrations/1763910000000-cohort-weeks.js';
import { CalendarFeeds1763920000000 } from './migrations/1763920000000-calendar-feeds.js';
import { Attendance1763930000000 } from './migrations/1763930000000-attendance.js';
import { Courses1763940000000 } from './migrations/1763940000000-courses.js';
import { Briefs1763950000000 } from './migrations/1763950000000-briefs.js';
import { PeerHelp1763960000000 } from './migrations/1763960000000-peer-help.js';
import { HelpTickets1763970000000 } from './migrations/1763970000000-help-tickets.js';
import { Reminders1763980000000 } from './migrations/1763980000000-reminders.js';
import { ReminderFirings1763990000000 } from './migrations/1763990000000-reminder-firings.js';
import { SearchAtScale1764000000000 } from './migrations/1764000000000-search-at-scale.js';

/** Listed explicitly (no globs) so the same list works from sources in tests and from the build. */
export const ENTITIES = [User, RefreshToken, Invitation, Site, Room, Track, Competency, Cohort, Membership, DomainEvent, CohortWeek, CohortWeekFacilitator, CalendarFeed, AttendanceMark, CheckInCode, ActivityLogEntry, Brief, BriefCompetency, BriefAssignment, AssignmentGroup, AssignmentGroupMember, Submission, Review, ReviewLevel, Course, CourseModule, CourseResource, ModuleAssignment, ResourceCompletion];
export const MIGRATIONS = [IdentitySitesCohorts1763900000000, CohortWeeks1763910000000, CalendarFeeds1763920000000, Attendance1763930000000, Courses1763940000000, Briefs1763950000000, PeerHelp1763960000000, HelpTickets1763970000000, Reminders1763980000000, ReminderFirings1763990000000, SearchAtScale1764000000000];

/** The single source of TypeORM options, shared by the apps, the migration CLI and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, application_name: 'fabrique' },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
