import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { TicketSuggestionsDto } from './dto/suggestions.dto.js';
import { ClosedTicketsQueryDto, PublishTicketDto, PublishedTicketDto, RaiseTicketDto, SuggestionsQueryDto, TicketDetailDto, TicketDto } from './dto/ticket.dto.js';
import { HelpTicketsService } from './help-tickets.service.js';
import { IDEMPOTENCY_KEY, IdempotencyKey } from './idempotency-key.js';

const idempotencyHeader = {
  name: IDEMPOTENCY_KEY,
  required: false,
  description: 'A UUID generated once per command: a retry with the same key returns the first result instead of applying it again',
};

@ApiTags('help-tickets')
@ApiBearerAuth()
@Controller()
export class TicketsController {
  constructor(private readonly tickets: HelpTicketsService) {}

  @Post('cohorts/:cohortId/tickets')
  @ApiHeader(idempotencyHeader)
  @ApiCreatedResponse({ type: TicketDto, description: 'Learners of the cohort raise a help ticket (at most 2 open at once: 409 beyond); the queue hears of it live' })
  raise(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidPipe) cohortId: string,
    @Body() body: RaiseTicketDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TicketDto> {
    return this.tickets.raise(principal, cohortId, body, idempotencyKey);
  }

  @Get('cohorts/:cohortId/tickets')
  @ApiOkResponse({
    type: [TicketDto],
    description: 'Facilitators of the cohort and admins: its tickets closed with `status` since `since` (default: the last 7 days), the latest closed first, at most `limit`',
  })
  closed(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: ClosedTicketsQueryDto): Promise<TicketDto[]> {
    return this.tickets.closed(principal, cohortId, query);
  }

  @Get('cohorts/:cohortId/tickets/suggestions')
  @ApiOkResponse({
    type: TicketSuggestionsDto,
    description: 'Members, while a question is typed: similar answered threads (same brief first) and online peers who validated the competency',
  })
  suggestions(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: SuggestionsQueryDto): Promise<TicketSuggestionsDto> {
    return this.tickets.suggestions(principal, cohortId, query);
  }

  @Get('me/tickets')
  @ApiOkResponse({ type: [TicketDto], description: 'Your tickets of the last 90 days, in every cohort, newest first' })
  mine(@CurrentPrincipal() principal: Principal): Promise<TicketDto[]> {
    return this.tickets.mine(principal);
  }

  @Get('tickets/:ticketId')
  @ApiOkResponse({ type: TicketDetailDto, description: 'Its learner and the cohort’s facilitators: the ticket with its conversation' })
  get(@CurrentPrincipal() principal: Principal, @Param('ticketId', UuidPipe) ticketId: string): Promise<TicketDetailDto> {
    return this.tickets.get(principal, ticketId);
  }

  @Post('tickets/:ticketId/cancel')
  @HttpCode(200)
  @ApiHeader(idempotencyHeader)
  @ApiOkResponse({ type: TicketDto, description: 'Its learner, while it is waiting or claimed' })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('ticketId', UuidPipe) ticketId: string,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TicketDto> {
    return this.tickets.cancel(principal, ticketId, idempotencyKey);
  }

  @Post('tickets/:ticketId/publish')
  @ApiCreatedResponse({
    type: PublishedTicketDto,
    description:
      'Facilitators of the cohort, once the ticket is resolved, once: it becomes a peer-help thread (the learner shown as "Apprenant·e", never by name), the resolution its accepted answer',
  })
  publish(@CurrentPrincipal() principal: Principal, @Param('ticketId', UuidPipe) ticketId: string, @Body() body: PublishTicketDto): Promise<PublishedTicketDto> {
    return this.tickets.publish(principal, ticketId, body);
  }
}
