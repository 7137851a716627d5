import type { ErrorBody } from './errors.js';

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

// The maps start empty: each live feature (help queue, notifications) adds its events here,
// so the server and the web client compile against the same names and payloads.

/** Events the server emits to clients. */
export type ServerToClientEvents = Record<never, never>;

/** Events clients emit to the server. */
export type ClientToServerEvents = Record<never, never>;
