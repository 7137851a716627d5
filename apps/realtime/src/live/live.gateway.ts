import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { LIVE_NAMESPACE } from '@fabrique/contracts';
import { connectError } from './connect-error.js';
import { LiveDispatcher } from './live-dispatcher.js';
import { LiveSessions } from './live-sessions.js';
import type { LiveNamespace, LiveSocket } from './live-socket.js';
import { PresenceTracker } from './presence-tracker.js';

/**
 * The `/live` namespace: authenticates in the handshake, joins the rooms, keeps presence,
 * and hands every client event to the dispatcher (the events are in live-commands.ts and
 * docs/realtime.md). Ticket events reach sockets from the help queue, through Redis.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<LiveNamespace>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket> {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  readonly namespace: LiveNamespace;

  constructor(
    private readonly sessions: LiveSessions,
    private readonly dispatcher: LiveDispatcher,
    private readonly presence: PresenceTracker,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    // Authenticating in a middleware refuses the connection itself: the client gets a
    // connect_error it can act on (refresh the token, connect again), never a connect then a drop.
    namespace.use((socket, next) => {
      this.sessions.open(socket.handshake.auth).then(
        (session) => {
          socket.data = session;
          next();
        },
        (error: unknown) => next(connectError(error, this.logger)),
      );
    });
    this.presence.start(namespace);
  }

  handleConnection(socket: LiveSocket): void {
    // Synchronous with the in-memory room table, so an emit made after the client sees `connect` reaches it.
    void socket.join(socket.data.rooms);
    // One listener for every event, known or not: each is answered, none can throw.
    socket.onAny((event: string, ...args: unknown[]) => void this.dispatcher.dispatch(socket, event, args));
    void this.presence.connected(socket);
    this.logger.debug({ userId: socket.data.principal.userId, socketId: socket.id }, 'live socket connected');
  }

  handleDisconnect(socket: LiveSocket): void {
    this.dispatcher.forget(socket.id);
    // A socket refused in the handshake never connected: it has no session and no presence.
    if (socket.data?.principal) void this.presence.disconnected(socket);
  }
}
