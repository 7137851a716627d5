import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { RostersController } from './rosters.controller.js';
import { RostersService } from './rosters.service.js';

@Module({ imports: [InvitationsModule], controllers: [RostersController], providers: [RostersService] })
export class RostersModule {}
