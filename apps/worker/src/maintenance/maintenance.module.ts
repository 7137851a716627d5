import { Module } from '@nestjs/common';
import { EvidenceRetention } from './evidence-retention.js';
import { Heartbeat } from './heartbeat.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

@Module({ providers: [MaintenanceProcessor, Heartbeat, EvidenceRetention] })
export class MaintenanceModule {}
