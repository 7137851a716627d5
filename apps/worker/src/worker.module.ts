import { Module } from '@nestjs/common';
import { ConfigModule } from '@fabrique/config';
import { HealthModule, LoggingModule } from '@fabrique/observability';
import { DatabaseModule, RedisModule } from '@fabrique/persistence';
import { DeliveryModule } from './delivery/delivery.module.js';
import { MaintenanceModule } from './maintenance/maintenance.module.js';
import { queueReadinessChecks } from './queues/queue-readiness.js';
import { QueuesModule } from './queues/queues.module.js';
import { RemindersModule } from './reminders/reminders.module.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('worker'),
    DatabaseModule,
    RedisModule,
    QueuesModule,
    HealthModule.forRoot(queueReadinessChecks),
    MaintenanceModule,
    RemindersModule,
    DeliveryModule,
  ],
})
export class WorkerModule {}
