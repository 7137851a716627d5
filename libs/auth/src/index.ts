export * from './principal.js';
export * from './decorators.js';
export * from './access-tokens.js';
export * from './access-token.guard.js';
export * from './password-hasher.js';
export * from './cohort-access.js';
export * from './auth.module.js';
export * from './session-revocations.js';
