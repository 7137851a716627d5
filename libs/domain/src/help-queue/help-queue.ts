/*
 * Rules of the live help queue: who waits before whom, where a learner stands, how long
 * they may wait, and which moves a ticket allows.
 */

export type TicketStatus = 'waiting' | 'claimed' | 'resolved' | 'cancelled';
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['waiting', 'claimed'];

/** A learner has at most this many open tickets in a cohort: a queue, not a to-do list. */
export const MAX_OPEN_TICKETS = 2;
/** A ticket nobody claimed for this long is escalated, once, to every facilitator of the cohort. */
export const ESCALATION_DELAY_MINUTES = 10;
/** Lengths the database also enforces: a question, a chat message, a resolution, an announcement. */
export const TICKET_TEXT_LIMITS = { question: 2000, body: 4000, resolution: 2000, message: 500 } as const;

/** Until the cohort has handled tickets, an estimate assumes this long per ticket. */
export const DEFAULT_HANDLING_SECONDS = 5 * 60;

export interface WaitingTicket {
  id: string;
  raisedAt: Date;
  away: boolean;
  /** Tickets of this learner handled (claimed) today: ties go to the learner helped least. */
  helpedToday: number;
}

// Tickets raised within the same minute wait "as long" as each other: the fairer tie-break
// is then who has had the least help today.
const minuteOf = (date: Date) => Math.floor(date.getTime() / 60_000);

/** Longest wait first; in the same minute, the learner helped least today first; then strictly by time. */
export function queueOrder<T extends WaitingTicket>(tickets: readonly T[]): T[] {
  return [...tickets].sort(
    (a, b) => minuteOf(a.raisedAt) - minuteOf(b.raisedAt) || a.helpedToday - b.helpedToday || a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id),
  );
}

/**
 * Each waiting ticket's place in line, 1 first. A learner who stepped away keeps their ticket
 * (and their raise time, so their place on return) but has no position while away.
 */
export function queuePositions(tickets: readonly WaitingTicket[]): Map<string, number | null> {
  const positions = new Map<string, number | null>();
  let next = 1;
  for (const ticket of queueOrder(tickets)) positions.set(ticket.id, ticket.away ? null : next++);
  return positions;
}

/** The median of recent handling times, or the default when the cohort has none yet. */
export function typicalHandlingSeconds(recentHandlingSeconds: readonly number[]): number {
  if (recentHandlingSeconds.length === 0) return DEFAULT_HANDLING_SECONDS;
  const sorted = [...recentHandlingSeconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

/**
 * How long the ticket at `position` may wait: the tickets before it, shared among the
 * facilitators online (at least one is assumed: someone will come), at the typical pace.
 */
export function estimatedWaitSeconds(position: number, typicalSeconds: number, facilitatorsOnline: number): number {
  const ahead = Math.max(0, position - 1);
  return Math.round(((ahead + 1) * typicalSeconds) / Math.max(1, facilitatorsOnline));
}

export type TicketMove = 'claim' | 'release' | 'hand_over' | 'message' | 'resolve' | 'cancel' | 'step_away' | 'come_back';

/** Which moves each status allows; anything else is refused with the reason in words. */
export function ticketMoveRefusal(status: TicketStatus, move: TicketMove): string | null {
  const allowed: Record<TicketStatus, readonly TicketMove[]> = {
    waiting: ['claim', 'cancel', 'step_away', 'come_back'],
    claimed: ['release', 'hand_over', 'message', 'resolve', 'cancel'],
    resolved: [],
    cancelled: [],
  };
  if (allowed[status].includes(move)) return null;
  if (status === 'resolved' || status === 'cancelled') return `This ticket is ${status}`;
  return status === 'waiting' ? `This ticket is waiting: it must be claimed first` : `This ticket is already claimed`;
}

/** The p-th percentile (0–100) by linear interpolation, as PostgreSQL's percentile_cont. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
}
