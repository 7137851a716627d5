export * from './errors.js';
export * from './realtime.js';
export * from './queues.js';
export * from './notifications.js';
