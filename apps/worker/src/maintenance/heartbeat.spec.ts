import { randomUUID } from 'node:crypto';
import { jobId } from '@fabrique/contracts';
import { untilJobIs, WorkerTestContext } from '../testing/worker-test-context.js';
import { Heartbeat } from './heartbeat.js';

// Jest runs the specs as ES modules, where its `jest` object is not a global.
const jest = import.meta.jest;

describe('maintenance queue: heartbeat', () => {
  const ctx = new WorkerTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());
  afterEach(() => jest.restoreAllMocks());

  it('runs a heartbeat once, however many times it is added under its deterministic id', async () => {
    const beat = jest.spyOn(ctx.app.get(Heartbeat), 'beat');
    const id = jobId('heartbeat', randomUUID(), '2026-09-07T08:00');
    const payload = { requestedAt: '2026-09-07T08:00:00.000Z' };

    const add = () => ctx.queues.add('heartbeat', payload, { jobId: id });
    const [first, second] = await Promise.all([add(), add()]);
    expect([first.id, second.id]).toEqual([id, id]);
    expect(await untilJobIs('maintenance', id, ['completed', 'failed'])).toBe('completed');

    // Added again once done (a replayed schedule, say): still done, not run again.
    await add();
    expect(await ctx.queues.queue('maintenance').getJobState(id)).toBe('completed');
    expect(beat).toHaveBeenCalledTimes(1);

    const job = await ctx.queues.queue('maintenance').getJob(id);
    expect(job?.returnvalue).toEqual({ requestedAt: payload.requestedAt, processedAt: expect.any(String) });
    expect(await ctx.app.get(Heartbeat).last()).toEqual(job?.returnvalue);
  });

  it('fails a job no processor knows at once, without retrying it', async () => {
    const id = `unknown-${randomUUID()}`;
    await ctx.queues.queue('maintenance').add('no-such-job', {}, { jobId: id });
    expect(await untilJobIs('maintenance', id, ['completed', 'failed'])).toBe('failed');
    const job = await ctx.queues.queue('maintenance').getJob(id);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toBe('Unknown job no-such-job on queue maintenance');
  });
});
