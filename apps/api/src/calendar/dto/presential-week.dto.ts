import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, Validate } from 'class-validator';
import { IsoDate } from '../../common/iso-date.validator.js';

export class SchedulePresentialWeekDto {
  @ApiProperty({ example: '2026-10-05', description: 'The Monday of the ISO week, local to the site' })
  @Validate(IsoDate)
  monday: string;

  @ApiProperty()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId: string;

  @ApiProperty({ type: [String], description: 'Facilitators of the cohort present that week' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'facilitatorIds must hold UUIDs' })
  facilitatorIds: string[];

  @ApiPropertyOptional({ example: 'Lundi : lancement du brief « Fil rouge » ; jeudi : revue de code' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  agenda?: string;
}

/** Edit or move: every field optional; a new `monday` moves the week. */
export class UpdatePresentialWeekDto extends PartialType(SchedulePresentialWeekDto) {}

export class MarkPeriodDto {
  @ApiProperty({ enum: ['internship', 'holiday'] })
  @IsIn(['internship', 'holiday'], { message: 'kind must be internship or holiday' })
  kind: 'internship' | 'holiday';

  @ApiProperty({ example: '2027-04-05', description: 'Any date of the first week' })
  @Validate(IsoDate)
  from: string;

  @ApiProperty({ example: '2027-05-28', description: 'Any date of the last week' })
  @Validate(IsoDate)
  to: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class CalendarPersonDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class CalendarWeekDto {
  @ApiProperty({ example: '2026-10-05' }) monday: string;
  @ApiProperty({ example: '2026-W41' }) isoWeek: string;
  @ApiProperty({ enum: ['presential', 'distance', 'internship', 'holiday'] }) kind: string;
  @ApiPropertyOptional() weekId?: string;
  @ApiPropertyOptional() agenda?: string;
  @ApiPropertyOptional() site?: { id: string; name: string; address: string };
  @ApiPropertyOptional() room?: { id: string; name: string };
  @ApiPropertyOptional({ type: [CalendarPersonDto] }) facilitators?: CalendarPersonDto[];
}
