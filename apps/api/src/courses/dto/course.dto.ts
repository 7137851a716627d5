import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, MinLength, Validate } from 'class-validator';
import { ASSIGNMENT_MODES, type AssignmentMode } from '@fabrique/domain';
import { RESOURCE_KINDS, type ResourceKind } from '@fabrique/persistence';
import { IsoDate } from '../../common/iso-date.validator.js';

export class CreateCourseDto {
  @ApiProperty()
  @IsUUID('all', { message: 'trackId must be a UUID' })
  trackId: string;

  @ApiProperty({ example: 'Les bases du web' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'HTML, CSS et accessibilité, à étudier avant la première semaine sur site' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class UpdateCourseDto extends PartialType(OmitType(CreateCourseDto, ['trackId'] as const)) {
  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @IsOptional()
  @IsIn(['draft', 'published'], { message: 'status must be draft or published' })
  status?: 'draft' | 'published';
}

export class CreateModuleDto {
  @ApiProperty({ example: 'HTML sémantique' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class UpdateModuleDto extends PartialType(CreateModuleDto) {}

export class CreateResourceDto {
  @ApiProperty({ example: 'Apprenez à créer votre site web avec HTML5 et CSS3' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'https://openclassrooms.com/fr/courses/1603881' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true }, { message: 'url must be an http or https URL' })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS, { message: `kind must be one of ${RESOURCE_KINDS.join(', ')}` })
  kind: ResourceKind;

  @ApiProperty({ example: 90 })
  @IsInt({ message: 'estimatedMinutes must be a whole number' })
  @Min(0, { message: 'estimatedMinutes must not be negative' })
  @Max(10000)
  estimatedMinutes: number;
}

export class UpdateResourceDto extends PartialType(CreateResourceDto) {}

export class ReorderModulesDto {
  @ApiProperty({ type: [String], description: 'Every module of the course once, in the new order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'moduleIds must hold UUIDs' })
  moduleIds: string[];
}

export class ReorderResourcesDto {
  @ApiProperty({ type: [String], description: 'Every resource of the module once, in the new order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'resourceIds must hold UUIDs' })
  resourceIds: string[];
}

export class AssignModuleDto {
  @ApiProperty()
  @IsUUID('all', { message: 'moduleId must be a UUID' })
  moduleId: string;

  @ApiProperty({ enum: ASSIGNMENT_MODES, description: 'Prepare before the Nth on-site week (due its Monday), or study during the Nth distance week' })
  @IsIn(ASSIGNMENT_MODES, { message: `mode must be one of ${ASSIGNMENT_MODES.join(', ')}` })
  mode: AssignmentMode;

  @ApiProperty({ example: 1, description: 'N, counted from 1 among the cohort’s weeks of that kind' })
  @IsInt({ message: 'week must be a whole number' })
  @Min(1, { message: 'week must be at least 1' })
  @Max(200)
  week: number;
}

export class BehindQueryDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ example: '2026-10-12', description: 'The day to judge on (today at the cohort’s site by default)' })
  @IsOptional()
  @Validate(IsoDate)
  asOf?: string;
}

export class BehindModuleDto {
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty() moduleTitle: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ example: '2026-09-21', description: 'The day it was due for the cohort' }) dueOn: string;
  @ApiProperty({ description: 'Its resources the learner has not marked done' }) missing: number;
}

export class LearnerBehindDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Resources of the modules already due' }) due: number;
  @ApiProperty({ description: 'Of those, the ones marked done' }) doneOfDue: number;
  @ApiProperty({ description: 'Due resources not done yet' }) missing: number;
  @ApiProperty({ type: [BehindModuleDto], description: 'The due modules with resources left, the oldest due first' }) modules: BehindModuleDto[];
  @ApiProperty({ example: '2026-09-21', description: 'The due date of the oldest of those modules' }) behindSince: string;
}

export class LearnersBehindPageDto {
  @ApiProperty({ example: '2026-10-12' }) asOf: string;
  @ApiProperty({ type: [LearnerBehindDto], description: 'The furthest behind first' }) items: LearnerBehindDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListCoursesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'trackId must be a UUID' })
  trackId?: string;
}
