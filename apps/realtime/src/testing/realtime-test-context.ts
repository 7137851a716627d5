import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { io, type Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { AccessTokens } from '@fabrique/auth';
import { LIVE_NAMESPACE, type LiveConnectErrorData } from '@fabrique/contracts';
import type { User } from '@fabrique/persistence';
import { Fixtures } from '@fabrique/testing';
import { createRealtimeApp } from '../create-realtime-app.js';
import { LiveGateway } from '../live/live.gateway.js';

/** One realtime instance built as main.ts builds it, listening on a free port, with the clients connected to it. */
export class RealtimeTestContext {
  app: NestExpressApplication;
  fixtures: Fixtures;
  url: string;
  private readonly clients: Socket[] = [];

  async start(): Promise<this> {
    this.app = await createRealtimeApp();
    await this.app.listen(0, '127.0.0.1');
    this.url = `http://127.0.0.1:${(this.app.getHttpServer().address() as AddressInfo).port}`;
    this.fixtures = new Fixtures(this.app.get<DataSource>(getDataSourceToken()));
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.disconnect();
    await this.app?.close();
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
  client(auth: () => Record<string, unknown>): Socket {
    const client = io(this.url + LIVE_NAMESPACE, {
      auth: (send) => send(auth()),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
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

  /** A connected client for `user`. */
  async as(user: User): Promise<Socket> {
    const token = this.token(user);
    return this.connected(this.client(() => ({ token })));
  }
}
