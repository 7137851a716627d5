import { randomUUID } from 'node:crypto';
import { jobId } from '@fabrique/contracts';
import { Heartbeat } from './maintenance/heartbeat.js';
import { untilJobIs, WorkerTestContext } from './testing/worker-test-context.js';

// Jest runs the specs as ES modules, where its `jest` object is not a global.
const jest = import.meta.jest;

describe('worker process', () => {
  it('is ready when PostgreSQL, Redis, its queues and its workers are', async () => {
    const ctx = await new WorkerTestContext().start();
    try {
      await ctx.http().get('/health/live').expect(200, { status: 'ok' });
      const ready = await ctx.http().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' }, queue: { status: 'up' }, worker: { status: 'up' } },
      });
    } finally {
      await ctx.stop();
    }
  });

  it('finishes the job it is running before it shuts down', async () => {
    const ctx = await new WorkerTestContext().start();
    const heartbeat = ctx.app.get(Heartbeat);
    const beat = heartbeat.beat.bind(heartbeat);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    jest.spyOn(heartbeat, 'beat').mockImplementation(async (payload) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return beat(payload);
    });

    const id = jobId('heartbeat', 'shutdown', randomUUID());
    await ctx.queues.add('heartbeat', { requestedAt: new Date().toISOString() }, { jobId: id });
    await running;
    await ctx.stop();
    // Any state it was left in ends the wait: a job cut off would show as active or waiting.
    expect(await untilJobIs('maintenance', id, ['completed', 'failed', 'active', 'waiting'])).toBe('completed');
  });
});
