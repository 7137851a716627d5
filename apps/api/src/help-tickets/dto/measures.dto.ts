import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, Validate } from 'class-validator';
import { IsoDate } from '../../common/iso-date.validator.js';
import { PersonRefDto, TICKET_STATUSES } from './ticket.dto.js';

export const MEASURES_DEFAULT_DAYS = 7;
export const MEASURES_MAX_DAYS = 92;
export const MEASURED_TICKETS_DEFAULT_LIMIT = 100;
export const MEASURED_TICKETS_MAX_LIMIT = 500;

export class MeasuresRangeQueryDto {
  @ApiPropertyOptional({ example: '2026-10-05', description: 'First day, in the cohort site’s time zone. Default: 6 days before `to`' })
  @IsOptional()
  @Validate(IsoDate)
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-11', description: 'Last day, included. Default: today. At most 92 days from `from`' })
  @IsOptional()
  @Validate(IsoDate)
  to?: string;
}

export class MeasuredTicketsQueryDto extends MeasuresRangeQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,500}$/, { message: 'cursor is not a cursor from this list' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MEASURED_TICKETS_MAX_LIMIT, default: MEASURED_TICKETS_DEFAULT_LIMIT })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(MEASURED_TICKETS_MAX_LIMIT)
  limit?: number;
}

export class DayMeasuresDto {
  @ApiProperty({ example: '2026-10-05', description: 'A day in the cohort site’s time zone' }) date: string;
  @ApiProperty({ description: 'Tickets raised that day' }) raised: number;
  @ApiProperty({ description: 'Tickets resolved that day' }) resolved: number;
  @ApiProperty({ description: 'Tickets cancelled that day' }) cancelled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median wait (raised → first claimed) of the tickets raised that day and claimed' })
  medianWaitingSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile of the same waits (continuous, interpolated)' })
  p90WaitingSeconds: number | null;
  @ApiProperty({ description: 'Tickets raised that day that waited more than 15 minutes: claimed late, cancelled after 15 minutes, or still waiting' })
  waitedOver15Minutes: number;
}

export class FacilitatorMeasuresDto {
  @ApiProperty({ type: PersonRefDto }) facilitator: PersonRefDto;
  @ApiProperty({ description: 'Tickets they resolved in the range' }) handled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from their claim to resolution' }) medianHandlingSeconds: number | null;
}

export class HelpMeasuresDto {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ type: [DayMeasuresDto], description: 'Every day of the range, oldest first' }) days: DayMeasuresDto[];
  @ApiProperty({ type: [FacilitatorMeasuresDto], description: 'Most tickets handled first' }) facilitators: FacilitatorMeasuresDto[];
}

export class MeasuredTicketDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() raisedAt: string;
  @ApiProperty({ type: Number, nullable: true }) waitingSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true }) handlingSeconds: number | null;
  @ApiProperty({ enum: TICKET_STATUSES }) status: (typeof TICKET_STATUSES)[number];
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who has it, or who closed it after claiming it' }) claimedBy: PersonRefDto | null;
}

export class MeasuredTicketPageDto {
  @ApiProperty({ type: [MeasuredTicketDto], description: 'Tickets raised in the range, oldest first' }) items: MeasuredTicketDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
