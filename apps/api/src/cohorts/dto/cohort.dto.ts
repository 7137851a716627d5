import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, Validate } from 'class-validator';
import { IsoDate } from '../../common/iso-date.validator.js';

export class CreateCohortDto {
  @ApiProperty({ example: 'Promo 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty()
  @IsUUID('all', { message: 'trackId must be a UUID' })
  trackId: string;

  @ApiPropertyOptional({ description: 'Required unless the cohort is fully remote', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'homeSiteId must be a UUID' })
  homeSiteId?: string | null;

  @ApiProperty({ example: '2026-09-07' })
  @Validate(IsoDate)
  startsOn: string;

  @ApiProperty({ example: '2027-06-25' })
  @Validate(IsoDate)
  endsOn: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  fullyRemote?: boolean;
}

export class UpdateCohortDto extends PartialType(CreateCohortDto) {}

export class CohortDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() trackId: string;
  @ApiProperty({ nullable: true, type: String }) homeSiteId: string | null;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty() fullyRemote: boolean;
  @ApiProperty({ description: 'Its learners, invited ones included' }) learnerCount: number;
  @ApiProperty({ description: 'Its facilitators, invited ones included' }) facilitatorCount: number;
  @ApiProperty({ enum: ['admin', 'facilitator', 'learner'], description: 'How the caller stands in this cohort' })
  myRole: 'admin' | 'facilitator' | 'learner';
}

export class CohortMemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['learner', 'facilitator'] }) role: 'learner' | 'facilitator';
  @ApiPropertyOptional({ description: 'Shown to facilitators and admins only' }) email?: string;
  @ApiProperty({ description: 'False until an invited member accepts and sets a password' }) active: boolean;
}
