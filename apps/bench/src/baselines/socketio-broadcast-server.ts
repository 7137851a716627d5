/**
 * The baseline of the live fan-out: a bare socket.io 4 server on the `/live` namespace, every socket
 * in one room, broadcasting a fixed payload (as big as a learner's `ticket.raised` event, given in
 * PAYLOAD as JSON) to that room as `live` when any socket sends `trigger`, then acknowledging the
 * trigger. No authentication, no validation, no rate limit, no database, no Redis: that is the
 * overhead measured. PORT from the environment; GET /health/live answers 200.
 */
import http from 'node:http';
import { Server } from 'socket.io';

const payload: unknown = JSON.parse(process.env.PAYLOAD ?? '{}');
const ROOM = 'cohort';

const server = http.createServer((request, response) => {
  if (request.url === '/health/live') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } else {
    response.writeHead(404).end();
  }
});
const io = new Server(server, { transports: ['websocket'], serveClient: false });
const live = io.of('/live');
live.on('connection', (socket) => {
  void socket.join(ROOM);
  socket.on('trigger', (_message: unknown, ack?: (answer: unknown) => void) => {
    live.to(ROOM).emit('live', payload);
    if (typeof ack === 'function') ack({ ok: true, data: null });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');

const stop = () => {
  void io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
