import type { ClassConstructor } from 'class-transformer';
import type { Principal } from '@fabrique/auth';
import { rooms } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';
import type { HelpQueue, ReplayPage } from '@fabrique/help-queue';
import {
  AnnounceInput,
  AwayInput,
  CohortInput,
  HandOverInput,
  MessageInput,
  RaiseInput,
  ResolveInput,
  SyncInput,
  TicketCommandInput,
  TicketInput,
} from './live-inputs.js';
import type { LiveSocket } from './live-socket.js';

/** What a handler is given besides its validated input. */
export interface CommandContext {
  queue: HelpQueue;
  principal: Principal;
  socket: LiveSocket;
}

export interface LiveCommand {
  input: ClassConstructor<object>;
  run(context: CommandContext, input: object): Promise<unknown>;
}

function command<T extends object>(input: ClassConstructor<T>, run: (context: CommandContext, input: T) => Promise<unknown>): LiveCommand {
  return { input, run: run as LiveCommand['run'] };
}

/** One cohort's entry in the `sync` answer: its replay page, or why it cannot be replayed. */
export type SyncEntry = ReplayPage | { error: { code: string; message: string } };

/**
 * Every client event of `/live`: its name (the contract, see docs/realtime.md), its payload's
 * class, and what it does. Authorisation is the help queue's: it checks the caller's role in
 * the cohort or ticket on every call.
 */
export const LIVE_COMMANDS: Readonly<Record<string, LiveCommand>> = {
  'queue:get': command(CohortInput, ({ queue, principal }, { cohortId }) => queue.snapshot(principal, cohortId)),

  sync: command(SyncInput, async ({ queue, principal }, { cohorts }) => {
    // Each cohort answers on its own: one the user left (or never belonged to) does not keep the others from syncing.
    const entries = await Promise.all(
      Object.entries(cohorts).map(async ([cohortId, lastSeq]): Promise<[string, SyncEntry]> => {
        try {
          return [cohortId, await queue.replay(principal, cohortId, lastSeq)];
        } catch (error) {
          if (!(error instanceof AppException)) throw error;
          return [cohortId, { error: { code: error.code, message: error.message } }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }),

  'ticket:raise': command(RaiseInput, ({ queue, principal }, { commandId, ...input }) => queue.raise(principal, input, commandId)),
  'ticket:away': command(AwayInput, ({ queue, principal }, { commandId, ticketId, away }) => queue.setAway(principal, ticketId, away, commandId)),
  'ticket:cancel': command(TicketCommandInput, ({ queue, principal }, { commandId, ticketId }) => queue.cancel(principal, ticketId, commandId)),
  'ticket:claim': command(TicketCommandInput, ({ queue, principal }, { commandId, ticketId }) => queue.claim(principal, ticketId, commandId)),
  'ticket:release': command(TicketCommandInput, ({ queue, principal }, { commandId, ticketId }) => queue.release(principal, ticketId, commandId)),
  'ticket:hand-over': command(HandOverInput, ({ queue, principal }, { commandId, ticketId, facilitatorId }) =>
    queue.handOver(principal, ticketId, facilitatorId, commandId),
  ),
  'ticket:message': command(MessageInput, ({ queue, principal }, { commandId, ticketId, body }) => queue.message(principal, ticketId, body, commandId)),
  'ticket:resolve': command(ResolveInput, ({ queue, principal }, { commandId, ticketId, resolution }) =>
    queue.resolve(principal, ticketId, resolution, commandId),
  ),
  'queue:announce': command(AnnounceInput, ({ queue, principal }, { commandId, cohortId, message }) => queue.announce(principal, cohortId, message, commandId)),
  'ticket:get': command(TicketInput, ({ queue, principal }, { ticketId }) => queue.ticket(principal, ticketId)),

  'ticket:typing': command(TicketInput, async ({ queue, principal, socket }, { ticketId }) => {
    const { cohortId, learnerId } = await queue.participant(principal, ticketId);
    // Not persisted, not numbered: a lost indicator is harmless. `socket.to` leaves out the sender's socket.
    socket.to([rooms.cohortFacilitators(cohortId), rooms.user(learnerId)]).emit('typing', { ticketId, user: socket.data.person });
    return null;
  }),
};

export const LIVE_EVENT_NAMES = Object.keys(LIVE_COMMANDS);
