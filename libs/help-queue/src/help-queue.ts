import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import type { LiveEvent, LiveEventData, QueueState, TicketMessage, TicketView } from '@fabrique/contracts';
import {
  type CohortRole,
  MAX_OPEN_TICKETS,
  TICKET_TEXT_LIMITS,
  type TicketMove,
  type TicketStatus,
  estimatedWaitSeconds,
  queueOrder,
  queuePositions,
  ticketMoveRefusal,
  typicalHandlingSeconds,
} from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { recordNotifications } from '@fabrique/persistence';
import { IdempotentCommands } from './idempotent-commands.js';
import { LiveEventLog, type LiveEventRow, type NewLiveEvent } from './live-event-log.js';
import { LivePresence } from './live-presence.js';
import { LivePublisher } from './live-publisher.js';
import { type LockedTicket, TicketsRepository, publicView } from './tickets.repository.js';

export interface RaiseInput {
  cohortId: string;
  question: string;
  briefId?: string;
  resourceId?: string;
  competencyCode?: string;
}

/** The queue as one member sees it when they open it; live events keep it current from `lastSeq`. */
export interface QueueSnapshot {
  cohortId: string;
  /** Replay from here: events after this number are not in the snapshot. */
  lastSeq: number;
  role: CohortRole | 'admin';
  queue: QueueState;
  /** Facilitators: every open ticket, waiting first in queue order, then claimed. Learners: their own open tickets. */
  tickets: TicketView[];
  /** Facilitators: where the cohort is stuck, the waiting tickets grouped by competency, most asked first. */
  byCompetency: { code: string | null; title: string | null; ticketIds: string[] }[];
}

export interface ReplayPage {
  events: LiveEvent[];
  lastSeq: number;
  /** More events follow: ask again after the last one received. */
  hasMore: boolean;
  /**
   * Events after `afterSeq` were already purged: the client cannot catch up by replay and
   * reloads the queue (`queue:get`), then goes on from its `lastSeq`.
   */
  stale: boolean;
}

const REPLAY_PAGE = 500;
const invalid = (field: string, message: string) => new AppException('validation_failed', message, [{ field, message }]);

/** Trimmed text within its limit, or a 400 naming the field (never a database error). */
function text(field: keyof typeof TICKET_TEXT_LIMITS, value: string, emptyMessage = `${field} must not be empty`): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalid(field, emptyMessage);
  const limit = TICKET_TEXT_LIMITS[field];
  if (trimmed.length > limit) throw invalid(field, `${field} must be at most ${limit} characters`);
  return trimmed;
}
const ticketNotFound = () => new AppException('not_found', 'Ticket not found');

type Emit = (cohortId: string, events: NewLiveEvent[]) => void;

/**
 * The live help queue: every change is a transaction that writes the ticket, its numbered
 * event and (when the client gave one) the command's id and result; events are published to
 * sockets only after the commit. Each command re-checks the caller's role in the cohort:
 * being connected proves who you are, not what you may do.
 */
@Injectable()
export class HelpQueue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsRepository,
    private readonly log: LiveEventLog,
    private readonly publisher: LivePublisher,
    private readonly presence: LivePresence,
    private readonly commands: IdempotentCommands,
  ) {}

  async raise(principal: Principal, input: RaiseInput, commandId?: string): Promise<TicketView> {
    const role = await this.tickets.role(principal.userId, input.cohortId);
    if (!role) throw new AppException('not_found', 'Cohort not found');
    if (role !== 'learner') throw new AppException('forbidden', 'Only learners of this cohort raise tickets');
    const question = text('question', input.question);
    const competencyId = input.competencyCode ? await this.tickets.competencyOfCohort(input.cohortId, input.competencyCode) : null;
    if (input.competencyCode && !competencyId) throw invalid('competencyCode', `competencyCode "${input.competencyCode}" is not a competency of this cohort's track`);
    if (input.briefId && !(await this.tickets.briefOfCohort(input.cohortId, input.briefId))) throw invalid('briefId', 'briefId is not a brief of this cohort’s track');
    if (input.resourceId && !(await this.tickets.resourceOfCohort(input.cohortId, input.resourceId)))
      throw invalid('resourceId', 'resourceId is not a resource of a course of this cohort’s track');

    return this.mutate(principal, commandId, 'ticket:raise', async (manager, emit) => {
      const open = await this.tickets.lockLearner(manager, input.cohortId, principal.userId);
      if (open >= MAX_OPEN_TICKETS)
        throw new AppException('conflict', `You already have ${MAX_OPEN_TICKETS} open tickets in this cohort: wait for one to be resolved, or cancel one`);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO help_tickets (cohort_id, learner_id, question, brief_id, resource_id, competency_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.cohortId, principal.userId, question, input.briefId ?? null, input.resourceId ?? null, competencyId],
      );
      return this.changed(manager, emit, id, 'ticket.raised');
    });
  }

  /** The learner steps away (keeping their place, skipped meanwhile) or comes back. */
  async setAway(principal: Principal, ticketId: string, away: boolean, commandId?: string): Promise<TicketView> {
    return this.mutate(principal, commandId, away ? 'ticket:away' : 'ticket:back', async (manager, emit) => {
      const ticket = await this.lockFor(manager, principal, ticketId, 'owner', away ? 'step_away' : 'come_back');
      if (ticket.away === away) return this.view(manager, ticketId);
      await manager.query(`UPDATE help_tickets SET away = $2 WHERE id = $1`, [ticketId, away]);
      return this.changed(manager, emit, ticketId, away ? 'ticket.away' : 'ticket.back');
    });
  }

  async cancel(principal: Principal, ticketId: string, commandId?: string): Promise<TicketView> {
    return this.mutate(principal, commandId, 'ticket:cancel', async (manager, emit) => {
      await this.lockFor(manager, principal, ticketId, 'owner', 'cancel');
      await manager.query(
        `UPDATE help_tickets SET status = 'cancelled', closed_at = clock_timestamp(), closed_by = $2, away = false WHERE id = $1`,
        [ticketId, principal.userId],
      );
      return this.changed(manager, emit, ticketId, 'ticket.cancelled');
    });
  }

  /** One facilitator takes the ticket; of two racing, the second is told who was first. */
  async claim(principal: Principal, ticketId: string, commandId?: string): Promise<TicketView> {
    return this.mutate(principal, commandId, 'ticket:claim', async (manager, emit) => {
      const ticket = await this.lockFor(manager, principal, ticketId, 'facilitator', null);
      if (ticket.status === 'claimed' && ticket.claimedBy) {
        const by = await this.tickets.person(ticket.claimedBy, manager);
        throw new AppException('conflict', ticket.claimedBy === principal.userId ? 'You already claimed this ticket' : `Already claimed by ${by.displayName}`);
      }
      this.checkMove(ticket, 'claim');
      if (ticket.away) throw new AppException('conflict', 'The learner stepped away: their ticket waits for their return');
      await manager.query(
        `UPDATE help_tickets SET status = 'claimed', claimed_by = $2, claimed_at = clock_timestamp(), first_claimed_at = coalesce(first_claimed_at, clock_timestamp()) WHERE id = $1`,
        [ticketId, principal.userId],
      );
      const view = await this.changed(manager, emit, ticketId, 'ticket.claimed');
      // Their turn came and nobody is there to see it: the reminders' channels take over.
      if (!(await this.presence.isOnline(ticket.learnerId)))
        await recordNotifications(manager, [
          {
            userId: ticket.learnerId,
            kind: 'ticket.claimed',
            occurrenceKey: `${ticketId}:${view.claimedAt}`,
            payload: { ticketId, cohortId: ticket.cohortId, claimedBy: view.claimedBy?.displayName ?? null },
          },
        ]);
      return view;
    });
  }

  /** Back to the queue, at the place its raise time gives it. */
  async release(principal: Principal, ticketId: string, commandId?: string): Promise<TicketView> {
    return this.mutate(principal, commandId, 'ticket:release', async (manager, emit) => {
      await this.lockFor(manager, principal, ticketId, 'facilitator', 'release');
      await manager.query(`UPDATE help_tickets SET status = 'waiting', claimed_by = NULL, claimed_at = NULL WHERE id = $1`, [ticketId]);
      return this.changed(manager, emit, ticketId, 'ticket.released');
    });
  }

  async handOver(principal: Principal, ticketId: string, facilitatorId: string, commandId?: string): Promise<TicketView> {
    return this.mutate(principal, commandId, 'ticket:hand_over', async (manager, emit) => {
      const ticket = await this.lockFor(manager, principal, ticketId, 'facilitator', 'hand_over');
      if ((await this.tickets.role(facilitatorId, ticket.cohortId, manager)) !== 'facilitator')
        throw invalid('facilitatorId', 'facilitatorId is not a facilitator of this cohort');
      if (facilitatorId === ticket.claimedBy) return this.view(manager, ticketId);
      const from = await this.tickets.person(ticket.claimedBy as string, manager);
      await manager.query(`UPDATE help_tickets SET claimed_by = $2, claimed_at = clock_timestamp() WHERE id = $1`, [ticketId, facilitatorId]);
      const to = await this.tickets.person(facilitatorId, manager);
      return this.changed(manager, emit, ticketId, 'ticket.handed_over', { handedOver: { from, to } });
    });
  }

  /** Chat inside a claimed ticket, between its learner and the cohort's facilitators. */
  async message(principal: Principal, ticketId: string, body: string, commandId?: string): Promise<TicketMessage> {
    const message = text('body', body);
    return this.mutate(principal, commandId, 'ticket:message', async (manager, emit) => {
      const ticket = await this.lockFor(manager, principal, ticketId, 'participant', 'message');
      const sent = await this.tickets.insertMessage(manager, ticketId, principal.userId, message);
      emit(ticket.cohortId, [{ type: 'ticket.message', ticketId, ownerId: ticket.learnerId, audience: 'ticket', payload: { message: sent } }]);
      return sent;
    });
  }

  async resolve(principal: Principal, ticketId: string, resolution: string, commandId?: string): Promise<TicketView> {
    const said = text('resolution', resolution, 'resolution must say in a few words what solved it');
    return this.mutate(principal, commandId, 'ticket:resolve', async (manager, emit) => {
      await this.lockFor(manager, principal, ticketId, 'facilitator', 'resolve');
      await manager.query(`UPDATE help_tickets SET status = 'resolved', resolution = $2, closed_at = clock_timestamp(), closed_by = $3 WHERE id = $1`, [
        ticketId,
        said,
        principal.userId,
      ]);
      return this.changed(manager, emit, ticketId, 'ticket.resolved');
    });
  }

  /** A facilitator speaks to everyone waiting in the cohort ("I'll take the CSS questions together at 14:00"). */
  async announce(principal: Principal, cohortId: string, message: string, commandId?: string): Promise<{ announced: true }> {
    const said = text('message', message);
    await this.requireRole(principal, cohortId, 'facilitator');
    return this.mutate(principal, commandId, 'queue:announce', async (manager, emit) => {
      const by = await this.tickets.person(principal.userId, manager);
      const data: LiveEventData = { announcement: { by, message: said } };
      emit(cohortId, [{ type: 'queue.announcement', audience: 'cohort', payload: data, publicPayload: data }]);
      return { announced: true as const };
    });
  }

  /**
   * Records, in the caller's transaction, that a resolved ticket became a peer-help thread (the
   * API writes the thread); returns the events to publish once the caller commits.
   */
  async recordPublished(manager: EntityManager, ticketId: string, threadId: string): Promise<LiveEventRow[]> {
    await manager.query(`UPDATE help_tickets SET thread_id = $2 WHERE id = $1`, [ticketId, threadId]);
    const pending: [string, NewLiveEvent[]][] = [];
    await this.changed(manager, (cohortId, events) => void pending.push([cohortId, events]), ticketId, 'ticket.published');
    const rows: LiveEventRow[] = [];
    for (const [cohortId, events] of pending) rows.push(...(await this.log.append(manager, cohortId, events)));
    return rows;
  }

  /** Publishes committed events to sockets (see LivePublisher). */
  publish(rows: readonly LiveEventRow[]): Promise<void> {
    return this.publisher.publish(rows);
  }

  /**
   * Tickets nobody claimed within the escalation delay, escalated once each to every facilitator
   * of their cohort (event and inbox rows). Several workers may run it: SKIP LOCKED and the
   * `escalated_at` mark make each ticket escalate exactly once.
   */
  async escalateOverdue(delayMinutes: number): Promise<number> {
    const rows: LiveEventRow[] = [];
    const count = await this.dataSource.transaction(async (manager) => {
      const overdue: { id: string; cohortId: string }[] = await manager.query(
        `UPDATE help_tickets SET escalated_at = clock_timestamp() WHERE id IN (
           SELECT id FROM help_tickets WHERE status = 'waiting' AND escalated_at IS NULL AND raised_at <= clock_timestamp() - make_interval(mins => $1)
            ORDER BY raised_at LIMIT 200 FOR UPDATE SKIP LOCKED)
         RETURNING id, cohort_id AS "cohortId"`,
        [delayMinutes],
      ).then((result: [{ id: string; cohortId: string }[], number]) => result[0]);
      for (const { id, cohortId } of overdue) {
        const ticket = (await this.tickets.view(id, manager)) as TicketView;
        rows.push(...(await this.log.append(manager, cohortId, [{ type: 'ticket.escalated', ticketId: id, ownerId: ticket.learner?.id, audience: 'facilitators', payload: { ticket } }])));
        const facilitators = await this.tickets.facilitatorsOf(manager, cohortId);
        await recordNotifications(
          manager,
          facilitators.map((userId) => ({ userId, kind: 'ticket.escalated', occurrenceKey: id, payload: { ticketId: id, cohortId, question: ticket.question } })),
        );
      }
      return overdue.length;
    });
    await this.publisher.publish(rows);
    return count;
  }

  /**
   * Forgets what only reconnecting clients need: events older than `eventDays` (a client that
   * far behind reloads the queue) and command results older than `commandDays` (no retry
   * comes that late).
   */
  async purgeHistory(eventDays: number, commandDays: number): Promise<{ events: number; commands: number }> {
    const events = await this.log.purge(eventDays);
    const [, commands] = await this.dataSource.query(`DELETE FROM live_commands WHERE created_at < now() - make_interval(days => $1)`, [commandDays]);
    return { events, commands };
  }

  async snapshot(principal: Principal, cohortId: string): Promise<QueueSnapshot> {
    const role = await this.requireRole(principal, cohortId, 'member');
    const lastSeq = await this.log.lastSeq(cohortId);
    const manager = this.dataSource.manager;
    const queue = await this.queueState(manager, cohortId);
    if (role === 'learner') {
      const mine = await this.tickets.views(`t.cohort_id = $1 AND t.learner_id = $2 AND t.status IN ('waiting', 'claimed')`, [cohortId, principal.userId]);
      return { cohortId, lastSeq, role, queue, tickets: mine, byCompetency: [] };
    }
    const open = await this.tickets.views(`t.cohort_id = $1 AND t.status IN ('waiting', 'claimed')`, [cohortId]);
    const order = new Map(queue.waiting.map((standing, i) => [standing.ticketId, i]));
    const waiting = open.filter((t) => t.status === 'waiting').sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const groups = new Map<string, { code: string | null; title: string | null; ticketIds: string[] }>();
    for (const ticket of waiting) {
      const key = ticket.competency?.code ?? '';
      const group = groups.get(key) ?? { code: ticket.competency?.code ?? null, title: ticket.competency?.title ?? null, ticketIds: [] };
      group.ticketIds.push(ticket.id);
      groups.set(key, group);
    }
    return {
      cohortId,
      lastSeq,
      role,
      queue,
      tickets: [...waiting, ...open.filter((t) => t.status === 'claimed')],
      byCompetency: [...groups.values()].sort((a, b) => b.ticketIds.length - a.ticketIds.length),
    };
  }

  /** Events after `afterSeq` the caller may see, in order. */
  async replay(principal: Principal, cohortId: string, afterSeq: number): Promise<ReplayPage> {
    const role = await this.requireRole(principal, cohortId, 'member');
    const [lastSeq, firstSeq] = [await this.log.lastSeq(cohortId), await this.log.firstSeq(cohortId)];
    if (afterSeq < lastSeq && (firstSeq === null || firstSeq > afterSeq + 1)) return { events: [], lastSeq, hasMore: false, stale: true };
    const events = await this.log.replay(cohortId, { userId: principal.userId, facilitator: role !== 'learner' }, afterSeq, REPLAY_PAGE);
    return { events, lastSeq, hasMore: events.length === REPLAY_PAGE, stale: false };
  }

  /** A ticket with its conversation, for its learner and the cohort's facilitators. */
  async ticket(principal: Principal, ticketId: string): Promise<TicketView & { messages: TicketMessage[] }> {
    const view = await this.tickets.view(ticketId);
    if (!view) throw ticketNotFound();
    const role = principal.isAdmin ? 'admin' : await this.tickets.role(principal.userId, view.cohortId);
    if (!role || (role === 'learner' && view.learner?.id !== principal.userId)) throw ticketNotFound();
    return { ...view, messages: await this.tickets.messages(ticketId) };
  }

  async myTickets(principal: Principal): Promise<TicketView[]> {
    return this.tickets.views(`t.learner_id = $1 AND t.raised_at > now() - interval '90 days'`, [principal.userId]);
  }

  /** A cohort's tickets closed with the status since the instant, the latest closed first (callers check who may read them). */
  async closedTickets(cohortId: string, status: TicketStatus, since: string, limit: number): Promise<TicketView[]> {
    return this.tickets.views(`t.cohort_id = $1 AND t.status = $2 AND t.closed_at >= $3::timestamptz`, [cohortId, status, since, limit], undefined, 't.closed_at DESC, t.id DESC LIMIT $4');
  }

  /** Whether the caller may take part in the ticket's conversation (the typing indicator asks). */
  async participant(principal: Principal, ticketId: string): Promise<{ cohortId: string; learnerId: string }> {
    const cohortId = await this.tickets.cohortOf(ticketId);
    if (!cohortId) throw ticketNotFound();
    const view = (await this.tickets.view(ticketId)) as TicketView;
    const role = await this.tickets.role(principal.userId, cohortId);
    if (!role || (role === 'learner' && view.learner?.id !== principal.userId)) throw ticketNotFound();
    if (view.status !== 'claimed') throw new AppException('conflict', 'Only a claimed ticket has a conversation');
    return { cohortId, learnerId: view.learner?.id as string };
  }

  async role(principal: Principal, cohortId: string): Promise<CohortRole | 'admin' | null> {
    return principal.isAdmin ? 'admin' : this.tickets.role(principal.userId, cohortId);
  }

  private async requireRole(principal: Principal, cohortId: string, needed: 'member' | 'facilitator'): Promise<CohortRole | 'admin'> {
    const role = await this.role(principal, cohortId);
    if (!role) throw new AppException('not_found', 'Cohort not found');
    if (needed === 'facilitator' && role === 'learner') throw new AppException('forbidden', 'Only a facilitator of this cohort may do this');
    return role;
  }

  /**
   * Locks the ticket and checks the caller's part in it: a learner's ticket does not exist for
   * other learners (404); facilitators' moves are forbidden to its learner (403).
   */
  private async lockFor(manager: EntityManager, principal: Principal, ticketId: string, who: 'owner' | 'facilitator' | 'participant', move: TicketMove | null): Promise<LockedTicket> {
    const ticket = await this.tickets.lock(manager, ticketId);
    if (!ticket) throw ticketNotFound();
    const role = await this.tickets.role(principal.userId, ticket.cohortId, manager);
    const isOwner = ticket.learnerId === principal.userId;
    if (!role || (role === 'learner' && !isOwner)) throw ticketNotFound();
    if (who === 'owner' && !isOwner) throw new AppException('forbidden', 'Only the learner who raised this ticket may do this');
    if (who === 'facilitator' && role !== 'facilitator') throw new AppException('forbidden', 'Only a facilitator of this cohort may do this');
    if (move) this.checkMove(ticket, move);
    return ticket;
  }

  private checkMove(ticket: LockedTicket, move: TicketMove): void {
    const refusal = ticketMoveRefusal(ticket.status, move);
    if (refusal) throw new AppException('conflict', refusal);
  }

  private async view(manager: EntityManager, ticketId: string): Promise<TicketView> {
    return (await this.tickets.view(ticketId, manager)) as TicketView;
  }

  /** The ticket as it now is, announced to the cohort with the queue it leaves behind. */
  private async changed(manager: EntityManager, emit: Emit, ticketId: string, type: NewLiveEvent['type'], extra: LiveEventData = {}): Promise<TicketView> {
    const ticket = await this.view(manager, ticketId);
    const queue = await this.queueState(manager, ticket.cohortId);
    emit(ticket.cohortId, [
      {
        type,
        ticketId,
        ownerId: ticket.learner?.id,
        audience: 'cohort',
        payload: { ticket, queue, ...extra },
        publicPayload: { ticket: publicView(ticket), queue, ...extra },
      },
    ]);
    return ticket;
  }

  private async queueState(manager: EntityManager, cohortId: string): Promise<QueueState> {
    const waiting = await this.tickets.waiting(manager, cohortId);
    const typical = typicalHandlingSeconds(await this.tickets.recentHandlingSeconds(manager, cohortId));
    const facilitatorsOnline = (await this.presence.online(cohortId, 'facilitator')).length;
    const positions = queuePositions(waiting);
    return {
      waiting: queueOrder(waiting).map(({ id }) => {
        const position = positions.get(id) ?? null;
        return { ticketId: id, position, estimatedWaitSeconds: position === null ? null : estimatedWaitSeconds(position, typical, facilitatorsOnline) };
      }),
      facilitatorsOnline,
      typicalHandlingSeconds: typical,
    };
  }

  /**
   * Runs a change in one transaction with its events and, given a client command id, its
   * result: a retry of the same command returns that result without applying it again.
   */
  private async mutate<T>(principal: Principal, commandId: string | undefined, command: string, work: (manager: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const earlier = commandId ? await this.storedResult<T>(principal, commandId, command) : undefined;
    if (earlier) return earlier.result;
    const rows: LiveEventRow[] = [];
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const pending: [string, NewLiveEvent[]][] = [];
        const value = await work(manager, (cohortId, events) => void pending.push([cohortId, events]));
        for (const [cohortId, events] of pending) rows.push(...(await this.log.append(manager, cohortId, events)));
        if (commandId) await this.commands.store(manager, principal.userId, commandId, command, value);
        return value;
      });
    } catch (error) {
      // The same command raced itself (a retry while the first was in flight): the retry waited
      // on the first one's locks, so it failed on its change (the limit it reached, the claim it
      // already made) or on the command's key. Either way the first one committed: answer its result.
      const first = commandId ? await this.storedResult<T>(principal, commandId, command) : undefined;
      if (first) return first.result;
      throw error;
    }
    await this.publisher.publish(rows);
    return result;
  }

  private async storedResult<T>(principal: Principal, commandId: string, command: string): Promise<{ result: T } | undefined> {
    const stored = await this.commands.stored(principal.userId, commandId);
    if (!stored) return undefined;
    if (stored.command !== command) throw invalid('commandId', `commandId was already used for ${stored.command}: use a new id for each command`);
    return { result: stored.result as T };
  }
}
