import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import type { TicketView } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';
import { HelpQueue, type LiveEventRow, LivePresence } from '@fabrique/help-queue';
import { invalidField } from '../common/invalid-field.js';
import { SIMILAR_MAX_LIMIT, SIMILAR_TITLE_MAX_LENGTH } from '../peer-help/search/dto/search.dto.js';
import { ThreadSearchService } from '../peer-help/search/thread-search.service.js';
import type { TicketSuggestionsDto } from './dto/suggestions.dto.js';
import {
  CLOSED_TICKETS_DEFAULT_DAYS,
  CLOSED_TICKETS_DEFAULT_LIMIT,
  type ClosedTicketsQueryDto,
  type PublishTicketDto,
  type PublishedTicketDto,
  type RaiseTicketDto,
  type SuggestionsQueryDto,
  type TicketDetailDto,
  type TicketDto,
} from './dto/ticket.dto.js';
import { HelpTicketsRepository } from './help-tickets.repository.js';
import { ticketThread } from './ticket-thread.js';

const SUGGESTED_THREADS = 5;
const SUGGESTED_PEERS = 10;
const ticketNotFound = () => new AppException('not_found', 'Ticket not found');
const DAY_MS = 86_400_000;

/**
 * The help queue over plain HTTP, for clients that cannot hold a socket: every change goes
 * through HelpQueue, so sockets hear of it as if it came from one. Also publishing a resolved
 * ticket as a peer-help thread, and suggestions while a question is typed.
 */
@Injectable()
export class HelpTicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: HelpQueue,
    private readonly presence: LivePresence,
    private readonly repository: HelpTicketsRepository,
    private readonly search: ThreadSearchService,
    private readonly access: CohortAccess,
  ) {}

  /** A retry with the same Idempotency-Key returns the ticket the first one raised (as it is now) without raising another. */
  async raise(principal: Principal, cohortId: string, input: RaiseTicketDto, idempotencyKey?: string): Promise<TicketDto> {
    const raised = await this.queue.raise(principal, { cohortId, ...input }, idempotencyKey);
    return this.current(principal, raised.id);
  }

  /** The caller's tickets of the last 90 days, newest first. */
  async mine(principal: Principal): Promise<TicketDto[]> {
    const tickets = (await this.queue.myTickets(principal)).reverse();
    return this.withTimings(tickets);
  }

  /**
   * For the cohort's facilitators and admins: its tickets closed with the status since the instant
   * (the last 7 days by default), the latest closed first, as a facilitator reads them one by one.
   */
  async closed(principal: Principal, cohortId: string, query: ClosedTicketsQueryDto): Promise<TicketDto[]> {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing === 'learner') throw new AppException('forbidden', 'Only the cohort’s facilitators and admins list its closed tickets');
    const since = query.since ?? new Date(Date.now() - CLOSED_TICKETS_DEFAULT_DAYS * DAY_MS).toISOString();
    return this.withTimings(await this.queue.closedTickets(cohortId, query.status, since, query.limit ?? CLOSED_TICKETS_DEFAULT_LIMIT));
  }

  async get(principal: Principal, ticketId: string): Promise<TicketDetailDto> {
    const ticket = await this.queue.ticket(principal, ticketId);
    const [withTiming] = await this.withTimings([ticket]);
    return { ...(withTiming as TicketDto), messages: ticket.messages };
  }

  async cancel(principal: Principal, ticketId: string, idempotencyKey?: string): Promise<TicketDto> {
    const cancelled = await this.queue.cancel(principal, ticketId, idempotencyKey);
    return this.current(principal, cancelled.id);
  }

  /**
   * A resolved ticket becomes a peer-help thread: the facilitator publishing is its author, the
   * resolution its accepted answer. The thread and the ticket's mark are one transaction, so a
   * ticket is published once; the live event goes out after the commit.
   */
  async publish(principal: Principal, ticketId: string, input: PublishTicketDto): Promise<PublishedTicketDto> {
    const ticket = await this.repository.publishable(ticketId);
    if (!ticket) throw ticketNotFound();
    const role = await this.repository.role(principal.userId, ticket.cohortId);
    if (!role && !principal.isAdmin) throw ticketNotFound();
    if (role === 'learner' && ticket.learnerId !== principal.userId) throw ticketNotFound();
    if (role !== 'facilitator') throw new AppException('forbidden', 'Only a facilitator of this cohort publishes a ticket as a thread');
    const messages = await this.repository.conversation(ticketId);
    const scope = input.scope ?? 'cohort';

    let rows: LiveEventRow[] = [];
    const published = await this.dataSource.transaction(async (manager) => {
      const locked = (await this.repository.publishable(ticketId, manager)) ?? ticket;
      if (locked.threadId) throw new AppException('conflict', `This ticket was already published as the thread “${locked.threadTitle}” (${locked.threadId})`);
      if (locked.status !== 'resolved') throw new AppException('conflict', `Only a resolved ticket is published; this one is ${locked.status}`);
      const thread = ticketThread({
        learner: { id: locked.learnerId, displayName: locked.learnerName },
        question: locked.question,
        resolution: locked.resolution ?? '',
        competencyCode: locked.competencyCode,
        messages,
      });
      const title = input.title ?? thread.title;
      const { threadId } = await this.repository.insertAnsweredThread(manager, {
        cohortId: locked.cohortId,
        trackId: locked.trackId,
        scope,
        authorId: principal.userId,
        title,
        body: thread.body,
        tags: thread.tags,
        briefId: locked.briefId,
        resourceId: locked.resourceId,
        answer: thread.answer,
      });
      rows = await this.queue.recordPublished(manager, ticketId, threadId);
      return { threadId, title };
    });
    await this.queue.publish(rows);
    return { ...published, scope, ticket: await this.current(principal, ticketId) };
  }

  /**
   * While a learner types: answered or solved threads like their question (about the same brief
   * first), and learners of the cohort online now who validated the competency.
   */
  async suggestions(principal: Principal, cohortId: string, query: SuggestionsQueryDto): Promise<TicketSuggestionsDto> {
    await this.access.requireMember(principal, cohortId);
    const competencyId = query.competencyCode ? await this.repository.competencyOfCohort(cohortId, query.competencyCode) : undefined;
    if (query.competencyCode && !competencyId) throw invalidField('competencyCode', `competencyCode "${query.competencyCode}" is not a competency of this cohort's track`);

    const similar = { title: query.question.slice(0, SIMILAR_TITLE_MAX_LENGTH), limit: SIMILAR_MAX_LIMIT };
    const sameBrief = query.briefId ? (await this.search.similar(principal, cohortId, similar, { briefId: query.briefId })).items : [];
    const others = (await this.search.similar(principal, cohortId, similar)).items;
    const seen = new Set<string>();
    const threads = [...sameBrief, ...others].filter((thread) => thread.status !== 'unanswered' && !seen.has(thread.id) && seen.add(thread.id)).slice(0, SUGGESTED_THREADS);

    if (!competencyId) return { threads, peers: [] };
    const online = (await this.presence.online(cohortId, 'learner')).filter((userId) => userId !== principal.userId);
    return { threads, peers: await this.repository.validatedLearners(cohortId, competencyId, online, SUGGESTED_PEERS) };
  }

  private async current(principal: Principal, ticketId: string): Promise<TicketDto> {
    const { messages: _messages, ...ticket } = await this.queue.ticket(principal, ticketId);
    const [withTiming] = await this.withTimings([ticket]);
    return withTiming as TicketDto;
  }

  private async withTimings(tickets: TicketView[]): Promise<TicketDto[]> {
    const timings = await this.repository.timings(tickets.map((ticket) => ticket.id));
    return tickets.map((ticket) => ({ ...ticket, ...(timings.get(ticket.id) ?? { waitingSeconds: null, handlingSeconds: null }) }));
  }
}
