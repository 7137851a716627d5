import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApplicationConfig } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { AccessTokens } from '@fabrique/auth';
import { type Ack, LIVE_NAMESPACE, type LiveConnectErrorData } from '@fabrique/contracts';
import type { User } from '@fabrique/persistence';
import { Fixtures } from '@fabrique/testing';
import { createRealtimeApp } from '../create-realtime-app.js';
import { LiveGateway } from '../live/live.gateway.js';
import { LiveRelay } from '../live/live-relay.js';
import { PresenceTracker } from '../live/presence-tracker.js';
import type { RedisIoAdapter } from '../redis-io.adapter.js';

/** What an event answered through its acknowledgement. */
export type Answer<T = unknown> = Ack<T>;

/** One realtime instance built as main.ts builds it, listening on a free port, with the clients connected to it. */
export class RealtimeTestContext {
  app: NestExpressApplication;
  fixtures: Fixtures;
  url: string;
  private readonly clients: Socket[] = [];
  private killed = false;

  /**
   * `env` overrides settings for this instance only (e.g. `{ PRESENCE_TTL_SECONDS: '2' }`): the
   * configuration is read from the environment while the app is created, then restored.
   */
  constructor(private readonly env: Record<string, string> = {}) {}

  async start(): Promise<this> {
    const saved = Object.fromEntries(Object.keys(this.env).map((key) => [key, process.env[key]]));
    Object.assign(process.env, this.env);
    try {
      this.app = await createRealtimeApp();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    await this.app.listen(0, '127.0.0.1');
    this.url = `http://127.0.0.1:${(this.app.getHttpServer().address() as AddressInfo).port}`;
    this.fixtures = new Fixtures(this.app.get<DataSource>(getDataSourceToken()));
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.disconnect();
    if (!this.killed) await this.app?.close();
  }

  /**
   * Simulates a crash: the heartbeats and the relay stop, the sockets are dropped without their
   * presence being removed (they expire after the TTL), then the server closes.
   */
  async kill(): Promise<void> {
    this.killed = true;
    this.app.get(PresenceTracker).halt();
    this.app.get(LiveRelay).stop();
    await this.app.close();
  }

  /** The socket.io Redis adapter of this instance. */
  get ioAdapter(): RedisIoAdapter {
    return this.app.get(ApplicationConfig).getIoAdapter() as RedisIoAdapter;
  }

  /** The `/live` namespace of this instance, to emit to rooms as another feature would. */
  get live() {
    return this.app.get(LiveGateway).namespace;
  }

  /** An access token for `user`, as the API would issue at login. */
  token(user: User): string {
    return this.app.get(AccessTokens).issue({ userId: user.id, isAdmin: user.isAdmin, sessionId: randomUUID() }).accessToken;
  }

  /** A client that does not connect yet; `auth` is read at every connection attempt, as a browser client would. */
  client(auth: () => Record<string, unknown>, options: Partial<ManagerOptions & SocketOptions> = {}): Socket {
    const client = io(this.url + LIVE_NAMESPACE, {
      auth: (send) => send(auth()),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      ...options,
    });
    this.clients.push(client);
    return client;
  }

  /** Connects `client` and resolves once the server accepted it. */
  connected(client: Socket): Promise<Socket> {
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('connect_error', (error) => reject(error));
      client.connect();
    });
  }

  /** Connects `client` and resolves with the refusal the server answered. */
  refused(client: Socket): Promise<Error & { data?: LiveConnectErrorData }> {
    return new Promise((resolve, reject) => {
      client.once('connect', () => reject(new Error('expected the connection to be refused')));
      client.once('connect_error', (error: Error & { data?: LiveConnectErrorData }) => resolve(error));
      client.connect();
    });
  }

  /** A connected client for `user` (in the login session `sessionId` when given). */
  async as(user: User, sessionId: string = randomUUID()): Promise<Socket> {
    const token = this.app.get(AccessTokens).issue({ userId: user.id, isAdmin: user.isAdmin, sessionId }).accessToken;
    return this.connected(this.client(() => ({ token })));
  }

  /** Emits `event` and resolves with its acknowledgement. */
  static async send<T = unknown>(client: Socket, event: string, ...args: unknown[]): Promise<Answer<T>> {
    return (await client.timeout(10_000).emitWithAck(event, ...args)) as Answer<T>;
  }
}

/** Everything `client` receives on `event`, in order. */
export function inbox<T = unknown>(client: Socket, event: string): T[] {
  const received: T[] = [];
  client.on(event, (payload: T) => received.push(payload));
  return received;
}

/** Resolves once `condition` holds; fails naming `what` after `ms`. */
export async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Emits `event` and resolves with its acknowledgement. */
export const send = <T = unknown>(client: Socket, event: string, ...args: unknown[]): Promise<Answer<T>> => RealtimeTestContext.send<T>(client, event, ...args);

/** The data of an answer that must be ok. */
export async function ok<T = unknown>(answer: Promise<Answer<T>>): Promise<T> {
  const settled = await answer;
  if (!settled.ok) throw new Error(`expected ok, got ${JSON.stringify(settled.error)}`);
  return settled.data;
}
