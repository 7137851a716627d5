import { Module } from '@nestjs/common';
import { HelpQueueModule } from '@fabrique/help-queue';
import { LiveDispatcher } from './live-dispatcher.js';
import { LiveGateway } from './live.gateway.js';
import { LiveRelay } from './live-relay.js';
import { LiveSessions } from './live-sessions.js';
import { MembershipsRepository } from './memberships.repository.js';
import { PresenceTracker } from './presence-tracker.js';

@Module({
  imports: [HelpQueueModule],
  providers: [LiveGateway, LiveSessions, MembershipsRepository, LiveDispatcher, PresenceTracker, LiveRelay],
})
export class LiveModule {}
