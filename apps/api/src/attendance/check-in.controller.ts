import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CheckInService } from './check-in.service.js';
import { CheckInCodeDto, CheckInDto, CheckInResultDto, OpenCheckInDto } from './dto/check-in.dto.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('cohorts/:cohortId/attendance')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Post('check-in-codes')
  @ApiCreatedResponse({ type: CheckInCodeDto, description: 'Facilitators and admins: a code for the on-site half-day under way; replaces the previous one' })
  open(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: OpenCheckInDto): Promise<CheckInCodeDto> {
    return this.checkIns.open(principal, cohortId, body);
  }

  @Post('check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultDto, description: 'Learners: recorded present for the half-day under way' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes from this learner or this cohort in this half-day' })
  checkIn(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: CheckInDto): Promise<CheckInResultDto> {
    return this.checkIns.checkIn(principal, cohortId, body);
  }
}
