import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type PersonRef, rooms } from '@fabrique/contracts';
import { LivePresence, type PresenceEntry } from '@fabrique/help-queue';
import type { LiveNamespace, LiveSocket } from './live-socket.js';
import { MembershipsRepository } from './memberships.repository.js';

const entryOf = (socket: LiveSocket): PresenceEntry => ({ socketId: socket.id, userId: socket.data.principal.userId, cohorts: socket.data.cohorts });

/**
 * Keeps this instance's sockets in the shared presence sets and tells cohorts which
 * facilitators are online when that changes: on connect, on disconnect, and at
 * every heartbeat (PRESENCE_TTL_SECONDS / 3), which also notices the sockets of an
 * instance that died: their entries expire.
 */
@Injectable()
export class PresenceTracker implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceTracker.name);
  private namespace: LiveNamespace | undefined;
  private timer: NodeJS.Timeout | undefined;
  private beating = false;
  /** Shutting down: entries are still removed, but the namespace no longer broadcasts. */
  private stopping = false;
  /** Halted (see `halt`): nothing is refreshed, removed or said any more. */
  private halted = false;
  /** What this instance last said of each cohort with a local socket: the facilitators' ids, sorted. */
  private readonly said = new Map<string, string>();

  constructor(
    private readonly presence: LivePresence,
    private readonly memberships: MembershipsRepository,
  ) {}

  start(namespace: LiveNamespace): void {
    this.namespace = namespace;
    this.timer = setInterval(() => void this.heartbeat(), Math.max(250, Math.floor(this.presence.ttlMs / 3)));
    this.timer.unref();
  }

  async connected(socket: LiveSocket): Promise<void> {
    if (this.halted) return;
    try {
      await this.presence.refresh([entryOf(socket)]);
      // Gone while it was being recorded: its removal may have run first.
      if (!socket.connected) {
        await this.presence.remove(entryOf(socket));
        return;
      }
      await this.announce(socket.data.cohorts.map((c) => c.cohortId), socket);
    } catch (error) {
      this.logger.error({ err: error, socketId: socket.id }, 'recording presence failed');
    }
  }

  async disconnected(socket: LiveSocket): Promise<void> {
    if (this.halted) return;
    try {
      await this.presence.remove(entryOf(socket));
      if (!this.stopping) await this.announce(socket.data.cohorts.map((c) => c.cohortId));
    } catch (error) {
      this.logger.error({ err: error, socketId: socket.id }, 'removing presence failed');
    }
  }

  /** Refreshes every local socket in one pipeline, then says what changed. */
  async heartbeat(): Promise<void> {
    if (this.beating || this.halted || this.stopping || !this.namespace) return;
    this.beating = true;
    try {
      const sockets = [...this.namespace.sockets.values()];
      await this.presence.refresh(sockets.map(entryOf));
      const cohorts = new Set(sockets.flatMap((socket) => socket.data.cohorts.map((c) => c.cohortId)));
      for (const cohortId of this.said.keys()) if (!cohorts.has(cohortId)) this.said.delete(cohortId);
      await this.announce([...cohorts]);
    } catch (error) {
      this.logger.error({ err: error }, 'presence heartbeat failed');
    } finally {
      this.beating = false;
    }
  }

  /**
   * Emits `presence` to each cohort whose facilitators online changed since this instance last
   * said it; a newcomer whose cohort did not change gets them for itself. Names are read only then.
   */
  private async announce(cohortIds: readonly string[], newcomer?: LiveSocket): Promise<void> {
    for (const cohortId of new Set(cohortIds)) {
      const ids = (await this.presence.online(cohortId, 'facilitator')).sort();
      if (this.halted || this.stopping || !this.namespace) return;
      const key = ids.join();
      const changed = this.said.get(cohortId) !== key;
      if (!changed && !newcomer?.connected) continue;
      // Claimed before the names are read, so that a heartbeat and a connection racing here say it once.
      if (changed) this.said.set(cohortId, key);
      let facilitators: PersonRef[];
      try {
        facilitators = await this.memberships.people(ids);
      } catch (error) {
        if (changed && this.said.get(cohortId) === key) this.said.delete(cohortId); // the next heartbeat says it
        throw error;
      }
      if (this.halted || this.stopping || !this.namespace) return;
      const signal = { cohortId, facilitatorsOnline: ids.length, facilitators };
      // A newer set said meanwhile wins: this one would arrive after it and contradict it.
      if (changed && this.said.get(cohortId) === key) this.namespace.to(rooms.cohort(cohortId)).emit('presence', signal);
      else if (!changed && newcomer?.connected) newcomer.emit('presence', signal);
    }
  }

  /** Stops the heartbeat and forgets this instance's sockets without removing them, as a crash would. */
  halt(): void {
    this.halted = true;
    clearInterval(this.timer);
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    clearInterval(this.timer);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
