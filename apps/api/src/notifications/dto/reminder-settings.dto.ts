import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import type { PlannedKind } from '@fabrique/domain';
import { CLOCK_TIME } from './preferences.dto.js';

export class ReminderSettingDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '09:00',
    description: 'The local time (cohort’s site time zone) it fires at: the cohort’s own, else the default; null for brief.deadline (48 h and 3 h before the due time)',
  })
  localTime: string | null;
  @ApiProperty({ type: String, nullable: true, example: '09:00', description: 'The default local time' }) default: string | null;
  @ApiProperty({ description: 'Whether the cohort has its own time instead of the default' }) customized: boolean;
}

/** Enabling or disabling a kind that has no local time of its own. */
export class ReminderSwitchPatchDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ReminderSettingPatchDto extends ReminderSwitchPatchDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '08:45', description: 'HH:MM (24 h); null goes back to the default' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Matches(CLOCK_TIME, { message: 'localTime must be a time written HH:MM (24 h), or null for the default' })
  localTime?: string | null;
}

const patch = (description: string) =>
  function (target: object, property: string) {
    ApiPropertyOptional({ type: ReminderSettingPatchDto, description })(target, property);
    IsOptional()(target, property);
    IsObject({ message: `${property} must be an object with enabled and/or localTime` })(target, property);
    ValidateNested()(target, property);
    Type(() => ReminderSettingPatchDto)(target, property);
  };

/** Only the kinds named change; unknown kinds and fields are refused. */
export class UpdateReminderSettingsDto implements Partial<Record<PlannedKind, ReminderSwitchPatchDto>> {
  @patch('Monday morning of each distance week') 'week.kickoff'?: ReminderSettingPatchDto;
  @patch('7 days before an on-site week (the reminder of the eve stays at 18:00)') 'onsite.coming'?: ReminderSettingPatchDto;

  @ApiPropertyOptional({ type: ReminderSwitchPatchDto, description: '48 h and 3 h before a brief is due: no local time' })
  @IsOptional()
  @IsObject({ message: 'brief.deadline must be an object with enabled' })
  @ValidateNested()
  @Type(() => ReminderSwitchPatchDto)
  'brief.deadline'?: ReminderSwitchPatchDto;

  @patch('Thursday of a distance week: learners without activity for three days, and their facilitators') 'inactivity.check'?: ReminderSettingPatchDto;
  @patch('Each weekday morning, to the facilitators') 'facilitator.digest'?: ReminderSettingPatchDto;
}

export class ReminderSettingsDto {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ReminderSettingDto' },
    description: 'Every planned kind: week.kickoff, onsite.coming, brief.deadline, inactivity.check, facilitator.digest',
  })
  settings: Record<PlannedKind, ReminderSettingDto>;
}
