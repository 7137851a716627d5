import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { LIVE_NAMESPACE } from '@fabrique/contracts';
import { connectError } from './connect-error.js';
import { LiveSessions } from './live-sessions.js';
import type { LiveNamespace, LiveSocket } from './live-socket.js';

/** The `/live` namespace. Its events arrive with the live features; for now it authenticates and joins rooms. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<LiveNamespace>, OnGatewayConnection<LiveSocket> {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  readonly namespace: LiveNamespace;

  constructor(private readonly sessions: LiveSessions) {}

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
  }

  handleConnection(socket: LiveSocket): void {
    // Synchronous with the in-memory room table, so an emit made after the client sees `connect` reaches it.
    void socket.join(socket.data.rooms);
    this.logger.debug({ userId: socket.data.principal.userId, socketId: socket.id }, 'live socket connected');
  }
}
