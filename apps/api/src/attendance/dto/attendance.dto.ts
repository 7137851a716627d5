import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, Validate, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus, HALF_DAYS, type HalfDay, MARK_SOURCES, type MarkSource } from '@fabrique/persistence';
import { IsoDate } from '../../common/iso-date.validator.js';

export class LearnerMarkDto {
  @ApiProperty()
  @IsUUID('all', { message: 'learnerId must be a UUID' })
  learnerId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES, { message: `status must be one of ${ATTENDANCE_STATUSES.join(', ')}` })
  status: AttendanceStatus;

  @ApiPropertyOptional({ description: 'Why; required when this changes a status already recorded', example: 'Arrivée à 9 h 40, train en retard' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason?: string;
}

export class MarkAttendanceDto {
  @ApiProperty({ example: '2026-10-05', description: 'A weekday of a scheduled on-site week of the cohort' })
  @Validate(IsoDate)
  date: string;

  @ApiProperty({ enum: HALF_DAYS })
  @IsIn(HALF_DAYS, { message: 'halfDay must be morning or afternoon' })
  halfDay: HalfDay;

  @ApiProperty({ type: [LearnerMarkDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LearnerMarkDto)
  marks: LearnerMarkDto[];
}

export class AttendanceDayQueryDto {
  @ApiProperty({ example: '2026-10-05' })
  @Validate(IsoDate)
  date: string;
}

export class AttendanceExportQueryDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month written YYYY-MM' })
  month: string;
}

export class PersonRefDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class AttendanceMarkDto {
  @ApiProperty() id: string;
  @ApiProperty() learnerId: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: HALF_DAYS }) halfDay: HalfDay;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty({ enum: MARK_SOURCES }) source: MarkSource;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: PersonRefDto }) recordedBy: PersonRefDto;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The mark this one corrects' }) supersedes: string | null;
}

export class MarkOutcomeDto {
  @ApiProperty() learnerId: string;
  @ApiProperty({ enum: ['marked', 'corrected', 'unchanged'], description: 'unchanged: the learner already had this status; nothing was written' })
  outcome: 'marked' | 'corrected' | 'unchanged';
  @ApiProperty({ type: AttendanceMarkDto, description: 'The current mark' }) mark: AttendanceMarkDto;
}

export class MarkAttendanceResultDto {
  @ApiProperty() date: string;
  @ApiProperty({ enum: HALF_DAYS }) halfDay: HalfDay;
  @ApiProperty({ type: [MarkOutcomeDto] }) marks: MarkOutcomeDto[];
}

export class LearnerDayDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'False for someone who has left the cohort since being marked' }) isLearner: boolean;
  @ApiProperty({ type: AttendanceMarkDto, nullable: true }) morning: AttendanceMarkDto | null;
  @ApiProperty({ type: AttendanceMarkDto, nullable: true }) afternoon: AttendanceMarkDto | null;
}

export class CorrectionDto extends AttendanceMarkDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) previousStatus: AttendanceStatus;
  @ApiProperty({ type: PersonRefDto }) previousRecordedBy: PersonRefDto;
  @ApiProperty() previousRecordedAt: string;
}

export class AttendanceDayDto {
  @ApiProperty() cohortId: string;
  @ApiProperty() date: string;
  @ApiProperty({ description: 'Whether the date is a weekday of a scheduled on-site week of the cohort' }) onSite: boolean;
  @ApiProperty({ type: [LearnerDayDto], description: 'Current status per learner and half-day (the latest mark)' }) learners: LearnerDayDto[];
  @ApiProperty({ type: [CorrectionDto], description: 'Every correction made to that day, oldest first' }) corrections: CorrectionDto[];
}
