/**
 * The baseline of the no-op route: a bare Express app (the HTTP layer under NestJS's platform-express)
 * answering GET /health/live with the same JSON as Fabrique's, and nothing else: no helmet, no
 * request ids, no request logging, no CORS, no body parsers. PORT from the environment.
 */
import express from 'express';

const app = express();
app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
