import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, type Principal } from '@fabrique/auth';
import { AppException } from '@fabrique/errors';
import { UuidPipe } from '../common/uuid.pipe.js';
import { type RosterImportResult, RostersService } from './rosters.service.js';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts/:cohortId/roster')
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  @Post()
  @AdminOnly()
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'CSV lines `name,email,role` (role: learner or facilitator), UTF-8, "," or ";" separated, header optional', type: String })
  @ApiCreatedResponse({ description: 'Every member imported, with the invitation link of each new account' })
  import(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() csv: unknown): Promise<RosterImportResult> {
    if (typeof csv !== 'string') throw new AppException('unsupported_media_type', 'Send the roster as a CSV file with Content-Type: text/csv');
    return this.rosters.import(principal, cohortId, csv);
  }
}
