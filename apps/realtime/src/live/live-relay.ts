import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LivePublisher } from '@fabrique/help-queue';

/** How often the relay looks for committed events nobody published. */
export const RELAY_EVERY_MS = 2_000;

/**
 * Publishes events that were committed but never published because their writer died
 * between commit and publish (LivePublisher.relay; several instances share the work).
 */
@Injectable()
export class LiveRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(LiveRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly publisher: LivePublisher) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), RELAY_EVERY_MS);
    this.timer.unref();
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const relayed = await this.publisher.relay();
      if (relayed > 0) this.logger.warn({ relayed }, 'published live events their writer left unpublished');
    } catch (error) {
      this.logger.error({ err: error }, 'relaying live events failed');
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  beforeApplicationShutdown(): void {
    this.stop();
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}
