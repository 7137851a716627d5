/**
 * The baseline of the Monday-reminders scenario: BullMQ itself, with a processor that does
 * nothing. It adds JOBS jobs delayed until FIRE_AT (epoch ms), as the plan's delayed jobs are,
 * with the concurrency Fabrique's reminders worker runs with (CONCURRENCY, 8), and prints
 * one JSON line when the last has completed: {"lastCompletedAt": <epoch ms>}.
 * Its jobs are removed on completion, BullMQ's cheapest setting.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

const jobs = Number(process.env.JOBS);
const fireAt = Number(process.env.FIRE_AT);
const prefix = `${process.env.REDIS_PREFIX}:bull-baseline`;
const connection = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
const queue = new Queue('noop', { connection, prefix });
let completed = 0;
const workerConnection = connection.duplicate();
const worker = new Worker('noop', async () => undefined, { connection: workerConnection, prefix, concurrency: Number(process.env.CONCURRENCY) });
const done = new Promise<number>((resolve) => {
  worker.on('completed', () => {
    if (++completed === jobs) resolve(Date.now());
  });
});
worker.on('failed', (job, error) => {
  console.error(`job ${job?.id} failed: ${error.message}`);
  process.exit(1);
});

const delay = Math.max(0, fireAt - Date.now());
for (let start = 0; start < jobs; start += 1_000) {
  const count = Math.min(1_000, jobs - start);
  await queue.addBulk(Array.from({ length: count }, (_, i) => ({ name: 'noop', data: { n: start + i }, opts: { delay, removeOnComplete: true } })));
}
const lastCompletedAt = await done;
console.log(JSON.stringify({ lastCompletedAt }));
await worker.close();
await queue.obliterate({ force: true });
await queue.close();
workerConnection.disconnect();
connection.disconnect();
