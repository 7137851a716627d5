import { Module } from '@nestjs/common';
import { HelpQueueModule } from '@fabrique/help-queue';
import { EvidenceRetention } from './evidence-retention.js';
import { Heartbeat } from './heartbeat.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { HelpQueueUpkeep } from './help-queue-upkeep.js';

@Module({ imports: [HelpQueueModule], providers: [MaintenanceProcessor, Heartbeat, EvidenceRetention, HelpQueueUpkeep] })
export class MaintenanceModule {}
