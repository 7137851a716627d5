import { Module } from '@nestjs/common';
import { LiveGateway } from './live.gateway.js';
import { LiveSessions } from './live-sessions.js';
import { MembershipsRepository } from './memberships.repository.js';

@Module({ providers: [LiveGateway, LiveSessions, MembershipsRepository] })
export class LiveModule {}
