import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembershipEnrolment } from './membership-enrolment.js';

@Module({
  imports: [SessionsModule],
  controllers: [InvitationsController],
  providers: [InvitationsService, MembershipEnrolment],
  exports: [MembershipEnrolment],
})
export class InvitationsModule {}
