import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenGuard, AuthModule } from '@fabrique/auth';
import { ConfigModule } from '@fabrique/config';
import { HealthModule, LoggingModule } from '@fabrique/observability';
import { DatabaseModule, RedisModule } from '@fabrique/persistence';
import { AttendanceModule } from './attendance/attendance.module.js';
import { BriefsModule } from './briefs/briefs.module.js';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { CoursesModule } from './courses/courses.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { MeModule } from './me/me.module.js';
import { RostersModule } from './rosters/rosters.module.js';
import { SitesModule } from './sites/sites.module.js';
import { TracksModule } from './tracks/tracks.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { PeerHelpModule } from './peer-help/peer-help.module.js';
import { ThreadSearchModule } from './peer-help/search/thread-search.module.js';
import { HelpTicketsModule } from './help-tickets/help-tickets.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module.js';
import { WebAppModule } from './web-app/web-app.module.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('api'),
    DatabaseModule,
    RedisModule,
    AuthModule,
    HealthModule.forRoot(),
    SessionsModule,
    MeModule,
    SitesModule,
    TracksModule,
    CohortsModule,
    InvitationsModule,
    RostersModule,
    CalendarModule,
    AttendanceModule,
    CalendarFeedsModule,
    CoursesModule,
    BriefsModule,
    PeerHelpModule,
    ThreadSearchModule,
    HelpTicketsModule,
    NotificationsModule,
    QueueDashboardModule,
    WebAppModule,
  ],
  providers: [{ provide: APP_GUARD, useExisting: AccessTokenGuard }],
})
export class ApiModule {}
