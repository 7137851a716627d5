import type { Ack, LiveConnectErrorData, LiveEvent, NotificationView, PresenceSignal } from '@fabrique/contracts';
import { io, type Socket } from 'socket.io-client';
import { refreshSession, signOut } from '../api/client';
import { session } from '../api/session-store';

export type LiveStatus = 'connecting' | 'online' | 'offline';

/** A command the server refused: its code and message, and the fields at fault. */
export class LiveCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

type Handlers = {
  status: (status: LiveStatus) => void;
  live: (event: LiveEvent) => void;
  presence: (signal: PresenceSignal) => void;
  typing: (signal: { ticketId: string; user: { id: string; displayName: string } }) => void;
  notification: (notification: NotificationView) => void;
  /** After every (re)connection and every `resync`: reload what may have been missed. */
  reconnected: () => void;
};

const ACK_TIMEOUT_MS = 10_000;

/**
 * The one socket.io connection of the page to the realtime service (namespace /live). It keeps
 * the access token fresh (a refused handshake with token_expired refreshes and connects again),
 * reports its status for the "connection lost" banner, and tells screens to reload after every
 * reconnection or `resync`, so nothing published while the page was cut off is missed (screens
 * reload a snapshot, then apply live events newer than it, by ticket and message id).
 */
export class LiveClient {
  private socket: Socket | null = null;
  private handlers: { [K in keyof Handlers]: Set<Handlers[K]> } = {
    status: new Set(),
    live: new Set(),
    presence: new Set(),
    typing: new Set(),
    notification: new Set(),
    reconnected: new Set(),
  };
  status: LiveStatus = 'connecting';
  /** The last presence said of each cohort: a screen opened later shows who is online at once. */
  private readonly presences = new Map<string, PresenceSignal>();

  start(realtimeUrl: string): void {
    if (this.socket) return;
    const socket = io(`${realtimeUrl}/live`, {
      // Read at every (re)connection attempt, so a refreshed token is used.
      auth: (send) => send({ token: session.access ?? '' }),
      transports: ['websocket', 'polling'],
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.setStatus('online');
      this.emitLocal('reconnected');
    });
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      // The server ended the session (logout elsewhere, revoked): sign in again.
      if (reason === 'io server disconnect') void signOut();
    });
    socket.on('connect_error', (error: Error & { data?: LiveConnectErrorData }) => {
      this.setStatus('offline');
      const code = error.data?.code;
      // A refused handshake is not retried by socket.io itself: connect again once it can work.
      if (code === 'token_expired' || code === 'unauthenticated') {
        refreshSession().then(
          (ok) => {
            if (ok) socket.connect();
            else void signOut();
          },
          () => setTimeout(() => socket.connect(), 2_000), // the API is unreachable: try again shortly
        );
      } else if (code) setTimeout(() => socket.connect(), 2_000);
    });
    socket.on('resync', () => this.emitLocal('reconnected'));
    socket.on('live', (event: LiveEvent) => this.emitLocal('live', event));
    socket.on('presence', (signal: PresenceSignal) => {
      this.presences.set(signal.cohortId, signal);
      this.emitLocal('presence', signal);
    });
    socket.on('typing', (signal: Parameters<Handlers['typing']>[0]) => this.emitLocal('typing', signal));
    socket.on('notification', (notification: NotificationView) => this.emitLocal('notification', notification));
  }

  stop(): void {
    this.socket?.close();
    this.socket = null;
    this.presences.clear();
    this.setStatus('connecting');
  }

  presenceOf(cohortId: string): PresenceSignal | undefined {
    return this.presences.get(cohortId);
  }

  on<K extends keyof Handlers>(name: K, handler: Handlers[K]): () => void {
    this.handlers[name].add(handler);
    return () => this.handlers[name].delete(handler);
  }

  /** A read (queue:get, ticket:get…): answered once connected. */
  async request<T>(event: string, payload: object): Promise<T> {
    const socket = await this.connected();
    const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
    if (!ack.ok) throw new LiveCommandError(ack.error.code, ack.error.message, ack.error.details);
    return ack.data;
  }

  /**
   * A change, with one `commandId` for the intended action: when the answer does not come (the
   * connection dropped, a timeout), it is sent again with the same id once connected, and the
   * server applies it once and answers the first result.
   */
  async command<T>(event: string, payload: object, attempts = 5): Promise<T> {
    const withId = { commandId: crypto.randomUUID(), ...payload };
    for (let attempt = 1; ; attempt++) {
      const socket = await this.connected();
      try {
        const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, withId)) as Ack<T>;
        if (!ack.ok) throw new LiveCommandError(ack.error.code, ack.error.message, ack.error.details);
        return ack.data;
      } catch (error) {
        if (error instanceof LiveCommandError || attempt >= attempts) throw error;
        // No answer: retried with the same commandId.
      }
    }
  }

  /** Not stored nor numbered: a hint that someone types. */
  typing(ticketId: string): void {
    this.socket?.volatile.emit('ticket:typing', { ticketId });
  }

  private connected(): Promise<Socket> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('live connection not started'));
    if (socket.connected) return Promise.resolve(socket);
    return new Promise((resolve) => socket.once('connect', () => resolve(socket)));
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emitLocal('status', status);
  }

  private emitLocal<K extends keyof Handlers>(name: K, ...args: Parameters<Handlers[K]>): void {
    for (const handler of this.handlers[name]) (handler as (...a: Parameters<Handlers[K]>) => void)(...args);
  }
}

export const live = new LiveClient();
