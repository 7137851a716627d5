import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { expandRhythm, isoWeekLabel, parseRhythmRule, planRhythm, type PlannedWeek as PlannedRhythmWeek } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { CalendarRepository, type WeekRow } from './calendar.repository.js';
import type { RhythmCommitDto, RhythmPlanDto } from './dto/rhythm.dto.js';
import { PresentialWeeksService } from './presential-weeks.service.js';

export interface RhythmPreview {
  weeks: Array<PlannedRhythmWeek & { isoWeek: string }>;
  acceptable: string[];
}

/** Plans a whole year from a rule: a preview that writes nothing, then a commit of the accepted weeks, all or none. */
@Injectable()
export class RhythmService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly weeks: PresentialWeeksService,
    private readonly calendar: CalendarRepository,
  ) {}

  async preview(cohortId: string, input: RhythmPlanDto): Promise<RhythmPreview> {
    // Read-only, but in a transaction rolled back at the end, so the preview sees one consistent snapshot.
    const runner = this.dataSource.createQueryRunner();
    await runner.startTransaction('REPEATABLE READ');
    try {
      const planned = await this.plan(runner.manager, cohortId, input);
      return {
        weeks: planned.map((week) => ({ ...week, isoWeek: isoWeekLabel(week.monday) })),
        acceptable: planned.filter((week) => week.clashes.length === 0).map((week) => week.monday),
      };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async commit(principal: Principal, cohortId: string, input: RhythmCommitDto): Promise<WeekRow[]> {
    await this.dataSource.transaction(async (manager) => {
      const proposed = await this.plan(manager, cohortId, input);
      const yielded = new Set(proposed.map((week) => week.monday));
      const foreign = input.accept.filter((monday) => !yielded.has(monday));
      if (foreign.length > 0) {
        throw invalidField('accept', `accept lists weeks the rule does not yield: ${foreign.join(', ')}`, 'yieldedByRule', { params: { weeks: foreign.join(', ') } });
      }
      const accepted = await this.plan(manager, cohortId, input, [...input.accept].sort());
      const clashing = accepted.filter((week) => week.clashes.length > 0);
      if (clashing.length > 0) {
        throw new AppException(
          'conflict',
          `Nothing was scheduled: ${clashing.map((week) => `week of ${week.monday}: ${week.clashes.map((c) => c.message).join('; ')}`).join(' | ')}`,
          clashing.flatMap((week) =>
            week.clashes.map((clash) => ({ field: `accept.${week.monday}`, message: clash.message, rule: clash.code, ...(clash.params ? { params: clash.params } : {}) })),
          ),
        );
      }
      const { room } = await this.weeks.load(manager, cohortId, input);
      for (const { monday } of accepted) {
        const planned = { monday, roomId: input.roomId, facilitatorIds: input.facilitatorIds, agenda: input.agenda ?? '' };
        const week = await this.weeks.insert(manager, cohortId, planned, room);
        await recordEvents(manager, [this.weeks.event('cohort_week.scheduled', cohortId, principal, { weekId: week.id, ...planned, siteId: room.siteId, rhythm: input.rule })]);
      }
    });
    const accepted = new Set(input.accept);
    return (await this.calendar.weeks(cohortId)).filter((week) => week.kind === 'presential' && accepted.has(week.monday));
  }

  private async plan(manager: EntityManager, cohortId: string, input: RhythmPlanDto, mondays?: string[]) {
    const parsed = parseRhythmRule(input.rule, 'rule');
    if (!parsed.ok) {
      throw new AppException('validation_failed', `Invalid rule: ${parsed.problems.map((p) => p.message).join('; ')}`, parsed.problems);
    }
    const { cohort, room } = await this.weeks.load(manager, cohortId, input);
    const weeks = mondays ?? expandRhythm(parsed.rule, cohort);
    const context = await this.weeks.context(manager, cohort, room, { mondays: weeks, facilitatorIds: input.facilitatorIds });
    return planRhythm(weeks, { cohortId, siteId: room.siteId, roomId: room.id, facilitatorIds: input.facilitatorIds }, context);
  }
}
