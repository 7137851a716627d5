import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ReminderSettingDto, ReminderSettingsDto, UpdateReminderSettingsDto } from './dto/reminder-settings.dto.js';
import { ReminderSettingsService } from './reminder-settings.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiExtraModels(ReminderSettingDto)
@Controller('cohorts/:cohortId/reminder-settings')
export class ReminderSettingsController {
  constructor(private readonly settings: ReminderSettingsService) {}

  @Get()
  @ApiOkResponse({ type: ReminderSettingsDto, description: 'Facilitators of the cohort and admins: each planned reminder, on or off, and its local time' })
  get(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string): Promise<ReminderSettingsDto> {
    return this.settings.get(principal, cohortId);
  }

  @Put()
  @ApiOkResponse({ type: ReminderSettingsDto, description: 'Admins: turn kinds on or off, move their local time (null: back to the default); the worker replans the cohort' })
  update(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: UpdateReminderSettingsDto): Promise<ReminderSettingsDto> {
    return this.settings.update(principal, cohortId, body);
  }
}
