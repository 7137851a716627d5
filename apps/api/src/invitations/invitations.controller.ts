import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, Public, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { TokenPairDto } from '../sessions/dto/token-pair.dto.js';
import { AcceptInvitationDto, InvitationOutcomeDto, InviteMemberDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('cohorts/:cohortId/invitations')
  @AdminOnly()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: InvitationOutcomeDto })
  invite(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidPipe) cohortId: string,
    @Body() body: InviteMemberDto,
  ): Promise<InvitationOutcomeDto> {
    return this.invitations.invite(principal, cohortId, body);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: 'The account is active and logged in' })
  accept(@Body() body: AcceptInvitationDto): Promise<TokenPairDto> {
    return this.invitations.accept(body);
  }
}
