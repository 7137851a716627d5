export * from './help-queue.js';
export * from './help-queue.module.js';
export * from './live-event-log.js';
export * from './live-presence.js';
export * from './live-publisher.js';
export { publicView } from './tickets.repository.js';
