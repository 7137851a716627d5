import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, Validate } from 'class-validator';
import { HALF_DAYS, type HalfDay } from '@fabrique/persistence';
import { IsoDate } from '../../common/iso-date.validator.js';
import { AttendanceMarkDto } from './attendance.dto.js';

export class OpenCheckInDto {
  @ApiPropertyOptional({ example: '2026-10-05', description: 'Defaults to today at the site; must be the half-day under way' })
  @IsOptional()
  @Validate(IsoDate)
  date?: string;

  @ApiPropertyOptional({ enum: HALF_DAYS, description: 'Defaults to the half-day under way' })
  @IsOptional()
  @IsIn(HALF_DAYS, { message: 'halfDay must be morning or afternoon' })
  halfDay?: HalfDay;
}

export class CheckInCodeDto {
  @ApiProperty({ example: '048213', description: 'Show it on screen; it is not stored and cannot be read again' }) code: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: HALF_DAYS }) halfDay: HalfDay;
  @ApiProperty({ description: 'Thirty minutes from now, or the end of the half-day if sooner' }) expiresAt: string;
}

export class CheckInDto {
  @ApiProperty({ example: '048213', description: 'The code on the facilitator’s screen; spaces are ignored' })
  @IsString()
  @MaxLength(20)
  code: string;
}

export class CheckInResultDto {
  @ApiProperty() date: string;
  @ApiProperty({ enum: HALF_DAYS }) halfDay: HalfDay;
  @ApiProperty({ enum: ['marked', 'corrected', 'unchanged'], description: 'unchanged: already present or late for this half-day' })
  outcome: 'marked' | 'corrected' | 'unchanged';
  @ApiProperty({ type: AttendanceMarkDto }) mark: AttendanceMarkDto;
}
