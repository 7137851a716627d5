import type { IncomingMessage } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { AppConfig } from '@fabrique/config';
import { LIVE_NAMESPACE } from '@fabrique/contracts';

// Nest's adapter brings its own copy of socket.io: type the server as that copy's.
type IoServer = ReturnType<IoAdapter['createIOServer']>;
type IoServerOptions = Parameters<IoAdapter['createIOServer']>[1];

/**
 * socket.io instances meet through Redis: an emit to a room on any instance (or from
 * any process) reaches the room's sockets on every instance. Also applies the CORS
 * allowlist, which socket.io answers itself, outside Express.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly redisLogger = new Logger(RedisIoAdapter.name);
  private readonly pubClient: Redis;
  private readonly subClient: Redis;
  private server: IoServer | undefined;
  /** The subscriber lost its connection since it was last ready: broadcasts may have been missed. */
  private subscriberDropped = false;

  constructor(
    app: INestApplication,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.pubClient = new Redis(config.REDIS_URL, { lazyConnect: true });
    this.subClient = this.pubClient.duplicate();
    for (const client of [this.pubClient, this.subClient]) {
      client.on('error', (error: Error) => this.redisLogger.error(`socket.io Redis client: ${error.message}`));
    }
    // Redis pub/sub keeps nothing for a subscriber that is away: whatever was published while the
    // link was down never reaches this instance's sockets. ioredis resubscribes on its own; once it
    // has, tell the sockets to `sync` (the event log in PostgreSQL has everything they missed).
    this.subClient.on('close', () => (this.subscriberDropped = true));
    this.subClient.on('ready', () => {
      if (!this.subscriberDropped) return;
      this.subscriberDropped = false;
      // ioredis sent the resubscriptions before 'ready': the PING answer comes after theirs.
      this.subClient.ping().then(
        () => this.resync('redis_reconnected'),
        (error: Error) => this.redisLogger.error(`socket.io Redis subscriber: ${error.message}`),
      );
    });
  }

  /** Called before the gateways start, so that a Redis that is down stops the start rather than losing broadcasts. */
  async connect(): Promise<void> {
    await Promise.all([this.pubClient.connect(), this.subClient.connect()]);
  }

  /** The connection the socket.io Redis adapter receives broadcasts on (tests cut it). */
  get subscriber(): Redis {
    return this.subClient;
  }

  override createIOServer(port: number, options?: IoServerOptions): IoServer {
    const cors = { origin: this.config.CORS_ORIGINS, credentials: true };
    // `cors` only sets response headers on HTTP long-polling; browsers do not apply CORS to
    // WebSocket, and engine.io does not check Origin on the upgrade. `allowRequest` runs on every
    // handshake, polling or WebSocket: a browser page from another origin is refused (403).
    // Clients that are not browsers send no Origin and are let through: the token is their proof.
    const allowRequest = (request: IncomingMessage, answer: (error: string | null | undefined, success: boolean) => void) => {
      const origin = request.headers.origin;
      if (origin === undefined || this.config.CORS_ORIGINS.includes(origin)) answer(null, true);
      else answer('Origin not allowed', false);
    };
    const server = super.createIOServer(port, { ...options, cors, allowRequest } as IoServerOptions);
    server.adapter(createAdapter(this.pubClient, this.subClient, { key: `${this.config.REDIS_PREFIX}:socket.io` }));
    this.server = server;
    return server;
  }

  /** Tells this instance's `/live` sockets (and only them) to `sync` again. */
  private resync(reason: string): void {
    this.redisLogger.warn(`socket.io Redis subscriber is back: asking local sockets to resync (${reason})`);
    this.server?.of(LIVE_NAMESPACE).local.emit('resync', { reason });
  }

  /** Nest calls this on shutdown, after socket.io has closed every socket. */
  override async dispose(): Promise<void> {
    const open = [this.pubClient, this.subClient].filter((client) => client.status !== 'end');
    await Promise.all(open.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
