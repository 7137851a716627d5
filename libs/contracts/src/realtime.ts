import type { ErrorBody } from './errors.js';
import type { NotificationView } from './notifications.js';

/** The socket.io namespace of the live features: help queue, presence, pushes to browsers. */
export const LIVE_NAMESPACE = '/live';

/**
 * Rooms are named after what a socket follows. The realtime service joins them
 * at the handshake; any process emits to them through the socket.io Redis adapter.
 */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  cohort: (cohortId: string) => `cohort:${cohortId}`,
  cohortFacilitators: (cohortId: string) => `cohort:${cohortId}:facilitators`,
  cohortLearners: (cohortId: string) => `cohort:${cohortId}:learners`,
} as const;

/** What a client sends in the handshake: `io(url + LIVE_NAMESPACE, { auth: { token } })`. */
export interface LiveHandshakeAuth {
  token: string;
}

/**
 * `error.data` of the client's `connect_error` when the handshake is refused
 * (code `unauthenticated` or `token_expired`: refresh the token, then connect again).
 */
export type LiveConnectErrorData = ErrorBody;

/** The event every sequenced change arrives as, on the client: `socket.on('live', (event) => …)`. */
export const LIVE_EVENT = 'live';

export type LiveEventType =
  | 'ticket.raised'
  | 'ticket.claimed'
  | 'ticket.released'
  | 'ticket.handed_over'
  | 'ticket.away'
  | 'ticket.back'
  | 'ticket.message'
  | 'ticket.resolved'
  | 'ticket.cancelled'
  | 'ticket.escalated'
  | 'ticket.published'
  | 'queue.announcement';

export interface PersonRef {
  id: string;
  displayName: string;
}

/** A ticket as its learner and the cohort's facilitators see it. */
export interface TicketView {
  id: string;
  cohortId: string;
  status: 'waiting' | 'claimed' | 'resolved' | 'cancelled';
  away: boolean;
  raisedAt: string;
  /** Null in what other learners receive: they see that someone waits, not who or about what. */
  learner: PersonRef | null;
  question: string | null;
  briefId: string | null;
  resourceId: string | null;
  competency: { code: string; title: string } | null;
  claimedBy: PersonRef | null;
  claimedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  escalatedAt: string | null;
  threadId: string | null;
}

/** Where each waiting ticket stands; a learner finds theirs by ticket id. */
export interface QueueStanding {
  ticketId: string;
  /** 1 is next; null while its learner stepped away (their place is kept). */
  position: number | null;
  estimatedWaitSeconds: number | null;
}

export interface QueueState {
  waiting: QueueStanding[];
  facilitatorsOnline: number;
  typicalHandlingSeconds: number;
}

export interface TicketMessage {
  id: string;
  ticketId: string;
  author: PersonRef;
  body: string;
  sentAt: string;
}

export interface LiveEventData {
  ticket?: TicketView;
  queue?: QueueState;
  message?: TicketMessage;
  announcement?: { by: PersonRef; message: string };
  handedOver?: { from: PersonRef; to: PersonRef };
}

/** A change, numbered per cohort: clients keep the last `seq` they saw and drop any they saw twice. */
export interface LiveEvent {
  cohortId: string;
  seq: number;
  type: LiveEventType;
  ticketId: string | null;
  at: string;
  data: LiveEventData;
}

/** What every command's acknowledgement is: the result, or an error that names the problem. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: { field: string; message: string }[] } };

/** Ephemeral signals: not persisted, not numbered. */
export interface PresenceSignal {
  cohortId: string;
  facilitatorsOnline: number;
  /** Who they are, by name (sorted): a learner knows who may answer. */
  facilitators: PersonRef[];
}
export interface TypingSignal {
  ticketId: string;
  user: PersonRef;
}

/** Events the server emits to clients. */
export interface ServerToClientEvents {
  live: (event: LiveEvent) => void;
  presence: (signal: PresenceSignal) => void;
  typing: (signal: TypingSignal) => void;
  /** The server may have missed broadcasts (its Redis link dropped): send `sync` again. */
  resync: (reason: { reason: string }) => void;
  /** A new inbox notification for this user (pushed by the worker through Redis). */
  notification: (notification: NotificationView) => void;
}

/** Events clients emit to the server; each answers through its acknowledgement (see docs/realtime.md). */
export type ClientToServerEvents = Record<string, (payload: unknown, ack?: (answer: Ack<unknown>) => void) => void>;
