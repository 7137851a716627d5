import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DEFAULT_PASSWORD, Fixtures } from '@fabrique/testing';
import type { User } from '@fabrique/persistence';
import { createApiApp } from '../create-api-app.js';

/** One API per test file, built exactly as main.ts builds it, on the Jest worker's own database and Redis prefix. */
export class ApiTestContext {
  app: NestExpressApplication;
  dataSource: DataSource;
  fixtures: Fixtures;

  async start(): Promise<this> {
    this.app = await createApiApp();
    await this.app.init();
    this.dataSource = this.app.get<DataSource>(getDataSourceToken());
    this.fixtures = new Fixtures(this.dataSource);
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** Logs in through the real endpoint and returns the token pair. */
  async login(user: User, password = DEFAULT_PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    const response = await this.http().post('/api/auth/login').send({ email: user.email, password }).expect(200);
    return response.body as { accessToken: string; refreshToken: string };
  }

  /** A supertest agent for `user`, with their bearer token on every request. */
  async as(user: User) {
    const { accessToken } = await this.login(user);
    const server = this.app.getHttpServer();
    const auth = { Authorization: `Bearer ${accessToken}` };
    return {
      get: (url: string) => request(server).get(url).set(auth),
      post: (url: string) => request(server).post(url).set(auth),
      patch: (url: string) => request(server).patch(url).set(auth),
      put: (url: string) => request(server).put(url).set(auth),
      delete: (url: string) => request(server).delete(url).set(auth),
    };
  }
}
