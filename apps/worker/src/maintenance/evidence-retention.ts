import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobResults } from '@fabrique/contracts';
import { JobQueues } from '../queues/job-queues.js';

export const EVIDENCE_PURGE_SCHEDULER = 'purge-expired-evidence-daily';

/**
 * Attendance evidence is kept three years for funders, then deleted. The deletion itself is
 * PostgreSQL's purge_expired_attendance_evidence() (the only way past the append-only trigger);
 * this runs it every night. The scheduler id is fixed, so every worker instance upserts the
 * same schedule and BullMQ runs each occurrence once.
 */
@Injectable()
export class EvidenceRetention implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('maintenance')
      .upsertJobScheduler(EVIDENCE_PURGE_SCHEDULER, { pattern: '30 3 * * *', tz: 'Europe/Paris' }, { name: 'purge-expired-evidence', data: {} });
  }

  async purge(): Promise<JobResults['purge-expired-evidence']> {
    const [{ deleted }] = (await this.dataSource.query(`SELECT purge_expired_attendance_evidence()::int AS deleted`)) as Array<{ deleted: number }>;
    this.logger.log({ deleted }, 'expired attendance evidence purged');
    return { deleted };
  }
}
