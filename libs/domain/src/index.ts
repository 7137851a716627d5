export * from './identity/email.js';
export * from './identity/roles.js';
export * from './identity/time-zone.js';
export * from './roster/roster-rows.js';
export * from './calendar/local-date.js';
