import { Module } from '@nestjs/common';
import { Heartbeat } from './heartbeat.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

@Module({ providers: [MaintenanceProcessor, Heartbeat] })
export class MaintenanceModule {}
