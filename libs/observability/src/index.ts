export * from './health/health.module.js';
export * from './health/readiness-check.js';
export * from './logging/logging.module.js';
export * from './http/configure-http-app.js';
