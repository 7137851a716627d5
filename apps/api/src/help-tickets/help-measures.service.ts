import { Injectable } from '@nestjs/common';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { AppException } from '@fabrique/errors';
import { invalidField } from '../common/invalid-field.js';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor.js';
import {
  type HelpMeasuresDto,
  MEASURED_TICKETS_DEFAULT_LIMIT,
  MEASURES_DEFAULT_DAYS,
  MEASURES_MAX_DAYS,
  type MeasuredTicketPageDto,
  type MeasuredTicketsQueryDto,
  type MeasuresRangeQueryDto,
} from './dto/measures.dto.js';
import { HelpTicketsRepository } from './help-tickets.repository.js';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

interface Range {
  from: string;
  to: string;
  timeZone: string;
}

/** How the cohort's help queue goes, for its facilitators and admins: per day, per facilitator, per ticket. */
@Injectable()
export class HelpMeasuresService {
  constructor(
    private readonly repository: HelpTicketsRepository,
    private readonly access: CohortAccess,
  ) {}

  async measures(principal: Principal, cohortId: string, query: MeasuresRangeQueryDto): Promise<HelpMeasuresDto> {
    const { from, to, timeZone } = await this.range(principal, cohortId, query);
    const [days, facilitators] = [await this.repository.dayMeasures(cohortId, from, to), await this.repository.facilitatorMeasures(cohortId, from, to)];
    return {
      cohortId,
      from,
      to,
      timeZone,
      days,
      facilitators: facilitators.map(({ id, displayName, handled, medianHandlingSeconds }) => ({ facilitator: { id, displayName }, handled, medianHandlingSeconds })),
    };
  }

  /** Tickets raised in the range, oldest first, by keyset cursor (at most 500 a page). */
  async tickets(principal: Principal, cohortId: string, query: MeasuredTicketsQueryDto): Promise<MeasuredTicketPageDto> {
    const { from, to } = await this.range(principal, cohortId, query);
    const limit = query.limit ?? MEASURED_TICKETS_DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, ['date', 'uuid']) : null;
    const rows = await this.repository.measuredTickets(cohortId, from, to, after ? { raisedAt: after[0] as string, id: after[1] as string } : null, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        raisedAt: row.raisedAt.toISOString(),
        waitingSeconds: row.waitingSeconds,
        handlingSeconds: row.handlingSeconds,
        status: row.status,
        claimedBy: row.claimedById ? { id: row.claimedById, displayName: row.claimedByName ?? '' } : null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.raisedAtKey, last.id]) : null,
    };
  }

  /** Facilitators and admins only; the range in the cohort's days, the last week by default, at most 92 days. */
  private async range(principal: Principal, cohortId: string, query: MeasuresRangeQueryDto): Promise<Range> {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing === 'learner') throw new AppException('forbidden', 'Only the cohort’s facilitators and admins see its help measures');
    const clock = await this.repository.cohortClock(cohortId);
    if (!clock) throw new AppException('not_found', 'Cohort not found');
    const to = query.to ?? clock.today;
    const from = query.from ?? addDays(to, -(MEASURES_DEFAULT_DAYS - 1));
    if (dayNumber(from) > dayNumber(to)) throw invalidField('from', 'from must not be after to');
    if (dayNumber(to) - dayNumber(from) + 1 > MEASURES_MAX_DAYS) throw invalidField('to', `the range holds at most ${MEASURES_MAX_DAYS} days`);
    return { from, to, timeZone: clock.timeZone };
  }
}
