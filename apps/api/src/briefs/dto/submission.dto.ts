import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { REVIEW_VERDICTS, type ReviewVerdict, type WorkStatus } from '@fabrique/domain';

export class SubmitDto {
  @ApiProperty({ type: [String], example: ['https://github.com/camille/boulangerie', 'https://camille.github.io/boulangerie'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'links must hold at least one link' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  links: string[];

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string;
}

export class LevelInputDto {
  @ApiProperty({ example: 'C3' })
  @IsString()
  @MaxLength(20)
  code: string;

  @ApiProperty({ minimum: 0, maximum: 3 })
  @IsInt({ message: 'level must be 0, 1, 2 or 3' })
  @Min(0, { message: 'level must be 0, 1, 2 or 3' })
  @Max(3, { message: 'level must be 0, 1, 2 or 3' })
  level: number;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string;
}

export class ReviewInputDto {
  @ApiProperty({ enum: REVIEW_VERDICTS })
  @IsIn(REVIEW_VERDICTS, { message: 'verdict must be validated or to_redo' })
  verdict: ReviewVerdict;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string;

  @ApiProperty({ type: [LevelInputDto], description: 'One per competency the brief targets' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => LevelInputDto)
  levels: LevelInputDto[];
}

export class ToReviewQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a cursor from this list' })
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ReviewLevelDto {
  @ApiProperty() code: string;
  @ApiProperty() level: number;
  @ApiProperty() comment: string;
}

export class ReviewDto {
  @ApiProperty() id: string;
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: REVIEW_VERDICTS }) verdict: ReviewVerdict;
  @ApiProperty() comment: string;
  @ApiProperty() reviewedAt: string;
  @ApiProperty({ type: [ReviewLevelDto] }) levels: ReviewLevelDto[];
}

export class SubmissionDto {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty({ nullable: true, type: String }) learnerId: string | null;
  @ApiProperty({ nullable: true, type: String }) groupId: string | null;
  @ApiProperty({ nullable: true, type: String }) groupName: string | null;
  @ApiProperty() submittedBy: string;
  @ApiProperty() submittedByName: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty() comment: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ description: 'Submitted after the due time' }) late: boolean;
  @ApiProperty({ type: ReviewDto, nullable: true }) review: ReviewDto | null;
}

export class WorkDto {
  @ApiProperty({ enum: ['not_submitted', 'submitted', 'to_redo', 'validated'] }) status: WorkStatus;
  @ApiProperty({ description: 'Whether a (new) version may be submitted' }) open: boolean;
  @ApiProperty({ type: [SubmissionDto], description: 'Every version, newest first' }) versions: SubmissionDto[];
}

export class SubmissionPageDto {
  @ApiProperty({ type: [SubmissionDto] }) items: SubmissionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
