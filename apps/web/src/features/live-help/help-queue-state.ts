import type { LiveEvent, QueueState, TicketMessage, TicketView } from '@fabrique/contracts';

/** What `queue:get` answers: the queue as of `lastSeq` (learners get their own open tickets). */
export interface QueueSnapshot {
  cohortId: string;
  lastSeq: number;
  role: 'learner' | 'facilitator' | 'admin';
  queue: QueueState;
  tickets: TicketView[];
}

export interface HelpQueueState {
  lastSeq: number;
  queue: QueueState;
  tickets: Map<string, TicketView>;
  /** Messages by ticket, by id (a replayed message replaces itself). */
  messages: Map<string, Map<string, TicketMessage>>;
  announcements: { by: string; message: string; at: string }[];
  /** Seqs applied after the snapshot: an event that arrives twice is applied once. */
  seen: Set<number>;
  /** The seq that last changed each ticket (and the queue): an older event arriving late does not undo a newer one. */
  ticketSeqs: Map<string, number>;
  queueSeq: number;
}

export function fromSnapshot(snapshot: QueueSnapshot, previous?: HelpQueueState): HelpQueueState {
  return {
    lastSeq: snapshot.lastSeq,
    queue: snapshot.queue,
    tickets: new Map(snapshot.tickets.map((ticket) => [ticket.id, ticket])),
    messages: previous?.messages ?? new Map(),
    announcements: previous?.announcements ?? [],
    seen: new Set(),
    ticketSeqs: new Map(),
    queueSeq: snapshot.lastSeq,
  };
}

/**
 * Applies one live event (pure, idempotent): events up to the snapshot or already seen are
 * dropped; a ticket replaces itself by id, and leaves the list once closed; the queue state is the
 * one the change left. Events may arrive out of order across processes: a ticket event older than
 * what we hold for that ticket is dropped too.
 */
export function applyEvent(state: HelpQueueState, event: LiveEvent): HelpQueueState {
  if (event.seq <= state.lastSeq || state.seen.has(event.seq)) return state;
  const next: HelpQueueState = { ...state, seen: new Set(state.seen).add(event.seq) };
  const { ticket, queue, message, announcement } = event.data;
  if (ticket && event.seq > (state.ticketSeqs.get(ticket.id) ?? state.lastSeq)) {
    // Closed tickets stay in the map, so their learner sees how they ended.
    next.tickets = new Map(state.tickets).set(ticket.id, ticket);
    next.ticketSeqs = new Map(state.ticketSeqs).set(ticket.id, event.seq);
  }
  if (queue && event.seq > state.queueSeq) {
    next.queue = queue;
    next.queueSeq = event.seq;
  }
  if (message) {
    const messages = new Map(state.messages);
    messages.set(message.ticketId, new Map(messages.get(message.ticketId)).set(message.id, message));
    next.messages = messages;
  }
  if (announcement) next.announcements = [...state.announcements, { by: announcement.by.displayName, message: announcement.message, at: event.at }];
  return next;
}

export function withMessages(state: HelpQueueState, ticketId: string, messages: TicketMessage[]): HelpQueueState {
  const all = new Map(state.messages);
  const merged = new Map(all.get(ticketId));
  for (const message of messages) merged.set(message.id, message);
  all.set(ticketId, merged);
  return { ...state, messages: all };
}

export const sortedMessages = (state: HelpQueueState, ticketId: string): TicketMessage[] =>
  [...(state.messages.get(ticketId)?.values() ?? [])].sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
