import { DeliveryProcessor } from '../delivery/delivery.processor.js';
import { MaintenanceProcessor } from '../maintenance/maintenance.processor.js';
import { RemindersProcessor } from '../reminders/reminders.processor.js';
import { WorkerTestContext } from '../testing/worker-test-context.js';

describe('queue processors', () => {
  const ctx = new WorkerTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('log failures and worker errors on every queue (the shared handlers are found on each processor)', () => {
    for (const processor of [MaintenanceProcessor, RemindersProcessor, DeliveryProcessor]) {
      const worker = ctx.app.get(processor).worker;
      expect(worker.listenerCount('failed')).toBeGreaterThan(0);
      expect(worker.listenerCount('error')).toBeGreaterThan(0);
    }
  });
});
