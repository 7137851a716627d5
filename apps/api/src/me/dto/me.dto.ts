import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, Validate } from 'class-validator';
import { LOCALES, type Locale } from '@fabrique/domain';
import { IanaTimeZone } from '../../common/iana-time-zone.validator.js';

export class MyCohortDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['learner', 'facilitator'] }) role: 'learner' | 'facilitator';
  @ApiProperty() trackId: string;
  @ApiProperty({ nullable: true, type: String }) homeSiteId: string | null;
  @ApiProperty({ example: '2026-09-07' }) startsOn: string;
  @ApiProperty({ example: '2027-06-25' }) endsOn: string;
  @ApiProperty() fullyRemote: boolean;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty() isAdmin: boolean;
  @ApiProperty({ type: [MyCohortDto] }) cohorts: MyCohortDto[];
}

export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Europe/Paris' })
  @IsOptional()
  @Validate(IanaTimeZone)
  timeZone?: string;
}
