import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@fabrique/auth';
import { RedisConnection } from '@fabrique/persistence';
import { EXTRA_READINESS_CHECKS, type ReadinessCheck } from './readiness-check.js';

/** Liveness says the process answers; readiness says it can serve: PostgreSQL and Redis answer. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnection,
    @Inject(EXTRA_READINESS_CHECKS) private readonly extraChecks: ReadinessCheck[],
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('postgres').withTimeout(1500),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.client.ping();
          })
          .withTimeout(1500),
      ...this.extraChecks.map(
        (check) => () => this.indicators.check(check.name).attempt(() => check.probe()).withTimeout(1500),
      ),
    ]);
  }
}
