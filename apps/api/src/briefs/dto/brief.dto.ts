import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { BriefMode } from '@fabrique/domain';

const MODES: BriefMode[] = ['individual', 'group'];

export class TargetedCompetencyDto {
  @ApiProperty({ example: 'C3', description: 'Code of a competency of the track' })
  @IsString()
  @Matches(/\S/, { message: 'code must not be blank' })
  @MaxLength(20)
  code: string;

  @ApiProperty({ minimum: 1, maximum: 3, description: '1 imitate, 2 adapt, 3 transpose' })
  @IsInt({ message: 'expectedLevel must be 1, 2 or 3' })
  @Min(1, { message: 'expectedLevel must be 1, 2 or 3' })
  @Max(3, { message: 'expectedLevel must be 1, 2 or 3' })
  expectedLevel: number;
}

export class CreateBriefDto {
  @ApiProperty({ example: 'Le site de la boulangerie' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @MaxLength(50_000)
  context: string;

  @ApiProperty({ example: 'Le lien du dépôt GitHub et celui de la page déployée' })
  @IsString()
  @MaxLength(10_000)
  deliverables: string;

  @ApiProperty({ type: [TargetedCompetencyDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'competencies must target at least one competency' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => TargetedCompetencyDto)
  competencies: TargetedCompetencyDto[];

  @ApiProperty({ enum: MODES })
  @IsIn(MODES, { message: 'mode must be individual or group' })
  mode: BriefMode;
}

/** The mode cannot change: groups may already be formed. */
export class UpdateBriefDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50_000) context?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) deliverables?: string;

  @ApiPropertyOptional({ type: [TargetedCompetencyDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'competencies must target at least one competency' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => TargetedCompetencyDto)
  competencies?: TargetedCompetencyDto[];
}

export class TargetedCompetencyViewDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() expectedLevel: number;
}

export class BriefDto {
  @ApiProperty() id: string;
  @ApiProperty() trackId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Markdown, as the author wrote it' }) context: string;
  @ApiProperty({ description: 'The context rendered to sanitised HTML (headings start at h3)' }) contextHtml: string;
  @ApiProperty({ description: 'Markdown, as the author wrote it' }) deliverables: string;
  @ApiProperty({ description: 'The deliverables rendered to sanitised HTML' }) deliverablesHtml: string;
  @ApiProperty({ enum: MODES }) mode: BriefMode;
  @ApiProperty({ type: [TargetedCompetencyViewDto] }) competencies: TargetedCompetencyViewDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Changes after assignment show here, and are recorded as brief.updated events' }) updatedAt: string;
}
