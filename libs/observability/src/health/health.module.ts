import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { EXTRA_READINESS_CHECKS } from './readiness-check.js';

@Module({})
export class HealthModule {
  /** `extraChecks` is a provider of ReadinessCheck[] registered under EXTRA_READINESS_CHECKS, when a process has more to probe. */
  static forRoot(extraChecks?: Provider): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [extraChecks ?? { provide: EXTRA_READINESS_CHECKS, useValue: [] }],
    };
  }
}
