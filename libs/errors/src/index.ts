export * from './app-exception.js';
export * from './http-error.filter.js';
export * from './validation.js';
