import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, Validate, ValidateNested } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@fabrique/contracts';
import { LOCALES, type Locale } from '@fabrique/domain';
import { IanaTimeZone } from '../../common/iana-time-zone.validator.js';

/** A time of day written HH:MM on a 24-hour clock. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class KindPreferenceDto {
  @ApiProperty({ description: 'Whether this kind is e-mailed: your choice, or the default when you made none' }) email: boolean;
  @ApiProperty({ description: 'Every notification shows in the inbox', enum: [true] }) inApp: true;
  @ApiProperty({ description: 'When the daily digest is on, these e-mails are gathered into it' }) digestable: boolean;
}

export class QuietHoursDto {
  @ApiProperty({ example: '21:00', description: 'HH:MM, 24 h, in your time zone' })
  @IsString()
  @Matches(CLOCK_TIME, { message: 'start must be a time written HH:MM (24 h)' })
  start: string;

  @ApiProperty({ example: '08:00', description: 'HH:MM, 24 h; earlier than start spans midnight; equal to start means none' })
  @IsString()
  @Matches(CLOCK_TIME, { message: 'end must be a time written HH:MM (24 h)' })
  end: string;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/KindPreferenceDto' },
    description: 'Every notification kind, in the order of NOTIFICATION_KINDS',
    example: { 'week.kickoff': { email: true, inApp: true, digestable: false } },
  })
  kinds: Record<NotificationKind, KindPreferenceDto>;

  @ApiProperty({ type: QuietHoursDto, description: 'No e-mail leaves in these hours; what is due waits for their end' }) quietHours: QuietHoursDto;
  @ApiProperty({ description: 'Gather the digestable kinds into one daily e-mail' }) digest: boolean;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ enum: LOCALES, description: 'The language of e-mails (and of the interface)' }) language: Locale;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    description: `E-mail on or off per kind; kinds not named keep their setting. Kinds: ${NOTIFICATION_KINDS.join(', ')}`,
    example: { 'thread.reply': false },
  })
  @IsOptional()
  @IsObject({ message: 'email must be an object of kind → true/false' })
  email?: Record<string, unknown>;

  @ApiPropertyOptional({ type: QuietHoursDto })
  @IsOptional()
  @IsObject({ message: 'quietHours must be an object with start and end' })
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  digest?: boolean;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;

  @ApiPropertyOptional({ example: 'Europe/Paris' })
  @IsOptional()
  @Validate(IanaTimeZone)
  timeZone?: string;
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The token of the link at the bottom of the e-mail' })
  @IsString()
  @MaxLength(2000)
  token: string;
}
