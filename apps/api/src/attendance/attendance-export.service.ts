import { Injectable } from '@nestjs/common';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { notFound } from '@fabrique/errors';
import { csvFileName } from '../common/csv-file-name.js';
import { attendanceCsv } from './attendance-csv.js';
import { AttendanceRepository } from './attendance.repository.js';
import { datesOfMonth } from './half-day.js';
import { OnSiteDays } from './on-site-days.js';

export interface AttendanceExport {
  filename: string;
  csv: string;
}

/** The month's attendance of a cohort, as funders ask for it. */
@Injectable()
export class AttendanceExportService {
  constructor(
    private readonly access: CohortAccess,
    private readonly attendance: AttendanceRepository,
    private readonly onSite: OnSiteDays,
  ) {}

  async month(principal: Principal, cohortId: string, month: string): Promise<AttendanceExport> {
    await this.access.requireFacilitator(principal, cohortId);
    const cohort = await this.attendance.cohort(cohortId);
    if (!cohort) throw notFound('Cohort');
    const dates = datesOfMonth(month);
    const [from, to] = [dates[0] as string, dates.at(-1) as string];
    const [onSiteDays, learners, marks] = await Promise.all([
      this.onSite.ofMonth(cohortId, month),
      this.attendance.learners(cohortId, from, to),
      this.attendance.currentMarks(cohortId, from, to),
    ]);
    const activity = await this.attendance.activityByDay(
      learners.map((learner) => learner.userId),
      cohort.timeZone,
      from,
      to,
    );
    return {
      filename: csvFileName('presences', cohort.name, month),
      csv: attendanceCsv({ onSiteDays, learners, marks, activity }),
    };
  }
}
