import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, Validate, ValidateNested } from 'class-validator';
import { IsoDate } from '../../common/iso-date.validator.js';
import type { WorkStatus } from '@fabrique/domain';
import { BriefDto } from './brief.dto.js';

const WORK_STATUSES: WorkStatus[] = ['not_submitted', 'submitted', 'to_redo', 'validated'];

const WALL_CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class LocalMomentDto {
  @ApiProperty({ example: '2026-10-05', description: 'Local date at the cohort’s site' })
  @Validate(IsoDate)
  date: string;

  @ApiProperty({ example: '09:00', description: 'Local wall-clock time at the cohort’s site (HH:mm)' })
  @Matches(WALL_CLOCK, { message: 'time must be a time of day written HH:mm' })
  time: string;
}

export class GroupInputDto {
  @ApiProperty({ example: 'Équipe 1' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(80)
  name: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'learnerIds must name at least one learner' })
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'learnerIds must be UUIDs' })
  learnerIds: string[];
}

export class AssignBriefDto {
  @ApiProperty()
  @IsUUID('all', { message: 'briefId must be a UUID' })
  briefId: string;

  @ApiProperty({ type: LocalMomentDto })
  @ValidateNested()
  @Type(() => LocalMomentDto)
  start: LocalMomentDto;

  @ApiProperty({ type: LocalMomentDto })
  @ValidateNested()
  @Type(() => LocalMomentDto)
  due: LocalMomentDto;

  @ApiPropertyOptional({ type: [GroupInputDto], description: 'Group briefs only: every learner of the cohort in exactly one group' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => GroupInputDto)
  groups?: GroupInputDto[];
}

export class GroupMemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class GroupDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [GroupMemberDto] }) members: GroupMemberDto[];
}

export class AssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ type: BriefDto }) brief: BriefDto;
  @ApiProperty({ description: 'Instant (ISO 8601, UTC)' }) startsAt: string;
  @ApiProperty({ description: 'Instant (ISO 8601, UTC)' }) dueAt: string;
  @ApiProperty({ description: 'The zone the local times were given in' }) timeZone: string;
  @ApiProperty({ type: [GroupDto], description: 'Facilitators see every group; a learner sees their own' }) groups: GroupDto[];
  @ApiProperty({ enum: WORK_STATUSES, nullable: true, description: 'Where the caller’s work stands, for a learner of the cohort; null for others' })
  myStatus: WorkStatus | null;
}
