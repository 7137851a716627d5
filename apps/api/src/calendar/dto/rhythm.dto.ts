import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsObject, IsOptional, IsString, IsUUID, MaxLength, Validate } from 'class-validator';
import { IsoDate } from '../../common/iso-date.validator.js';

export class RhythmPlanDto {
  @ApiProperty({
    description: 'A rhythm rule',
    examples: {
      firstFullWeek: { value: { kind: 'first-full-week-of-month' } },
      nthWeek: { value: { kind: 'nth-week-of-month', n: 2 } },
      everyNWeeks: { value: { kind: 'every-n-weeks', every: 4, from: '2026-09-14' } },
    },
  })
  @IsDefined()
  @IsObject()
  rule: Record<string, unknown>;

  @ApiProperty()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'facilitatorIds must hold UUIDs' })
  facilitatorIds: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  agenda?: string;
}

export class RhythmCommitDto extends RhythmPlanDto {
  @ApiProperty({ type: [String], description: 'The Mondays of the preview the admin accepted' })
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Validate(IsoDate, { each: true })
  accept: string[];
}
