import { type INestApplication, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { AppConfig } from '@fabrique/config';

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
  }

  /** Called before the gateways start, so that a Redis that is down stops the start rather than losing broadcasts. */
  async connect(): Promise<void> {
    await Promise.all([this.pubClient.connect(), this.subClient.connect()]);
  }

  override createIOServer(port: number, options?: IoServerOptions): IoServer {
    const cors = { origin: this.config.CORS_ORIGINS, credentials: true };
    const server = super.createIOServer(port, { ...options, cors } as IoServerOptions);
    server.adapter(createAdapter(this.pubClient, this.subClient, { key: `${this.config.REDIS_PREFIX}:socket.io` }));
    return server;
  }

  /** Nest calls this on shutdown, after socket.io has closed every socket. */
  override async dispose(): Promise<void> {
    const open = [this.pubClient, this.subClient].filter((client) => client.status !== 'end');
    await Promise.all(open.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
