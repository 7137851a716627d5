import { Module } from '@nestjs/common';
import { DashboardSessions } from './dashboard-sessions.js';
import { QueueDashboard } from './queue-dashboard.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';

/** The BullMQ dashboard for admins at /admin/queues, opened with a short-lived cookie. */
@Module({
  controllers: [QueueDashboardController],
  providers: [DashboardSessions, QueueDashboard],
})
export class QueueDashboardModule {}
