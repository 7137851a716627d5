export * from './identity/email.js';
export * from './identity/roles.js';
export * from './identity/time-zone.js';
