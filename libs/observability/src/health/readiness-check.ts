/** A process-specific readiness probe (the worker's queue, say), added to PostgreSQL and Redis. */
export interface ReadinessCheck {
  name: string;
  probe(): Promise<void>;
}

export const EXTRA_READINESS_CHECKS = Symbol('EXTRA_READINESS_CHECKS');
