import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  BODY_MAX_LENGTH,
  TAGS_MAX,
  THREAD_ORDERS,
  THREAD_SCOPES,
  THREAD_STATUSES,
  TITLE_MAX_LENGTH,
  TITLE_MIN_LENGTH,
  type ThreadOrder,
  type ThreadScope,
  type ThreadStatus,
} from '@fabrique/domain';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class NewThreadDto {
  @ApiProperty({ minLength: TITLE_MIN_LENGTH, maxLength: TITLE_MAX_LENGTH, example: 'Comment centrer une div verticalement ?' })
  @Transform(trimmed)
  @IsString()
  @MinLength(TITLE_MIN_LENGTH, { message: `title must be at least ${TITLE_MIN_LENGTH} characters: say what you are stuck on` })
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ description: 'Markdown', maxLength: BODY_MAX_LENGTH })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(BODY_MAX_LENGTH, { message: `body must be at most ${BODY_MAX_LENGTH} characters` })
  body: string;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX, example: ['css', 'flexbox'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX, { message: `tags may hold at most ${TAGS_MAX} tags` })
  @IsString({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: THREAD_SCOPES, default: 'cohort', description: '`track`: visible to every cohort of the track' })
  @IsOptional()
  @IsIn(THREAD_SCOPES)
  scope?: ThreadScope;

  @ApiPropertyOptional({ default: false, description: 'Learners only: peers see "anonymous", your facilitators see you' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'A brief of the cohort’s track' })
  @IsOptional()
  @IsUUID()
  briefId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A resource of a course of the cohort’s track' })
  @IsOptional()
  @IsUUID()
  resourceId?: string;
}

export class EditThreadDto {
  @ApiPropertyOptional({ minLength: TITLE_MIN_LENGTH, maxLength: TITLE_MAX_LENGTH })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(TITLE_MIN_LENGTH)
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(BODY_MAX_LENGTH, { message: `body must be at most ${BODY_MAX_LENGTH} characters` })
  body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX, { message: `tags may hold at most ${TAGS_MAX} tags` })
  @IsString({ each: true })
  tags?: string[];
}

export class ThreadListQueryDto {
  @ApiPropertyOptional({ enum: THREAD_ORDERS, default: 'newest' })
  @IsOptional()
  @IsIn(THREAD_ORDERS)
  sort?: ThreadOrder;

  @ApiPropertyOptional({ enum: THREAD_STATUSES })
  @IsOptional()
  @IsIn(THREAD_STATUSES)
  status?: ThreadStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(30)
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  briefId?: string;

  @ApiPropertyOptional({ enum: THREAD_SCOPES, description: 'Only this cohort’s threads, or only the track-wide ones' })
  @IsOptional()
  @IsIn(THREAD_SCOPES)
  scope?: ThreadScope;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class AuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'What to write after @ to mention them', example: 'aicha.traore' }) handle: string;
}

export class HiddenDto {
  @ApiProperty() reason: string;
  @ApiProperty() hiddenAt: string;
}

export class ThreadSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ format: 'uuid' }) trackId: string;
  @ApiProperty({ enum: THREAD_SCOPES }) scope: ThreadScope;
  @ApiProperty({ type: String, nullable: true, description: 'Null when hidden by a facilitator and you are not one' }) title: string | null;
  @ApiProperty({ description: 'Plain text, the start of the question' }) excerpt: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: THREAD_STATUSES }) status: ThreadStatus;
  @ApiProperty() score: number;
  @ApiProperty() replyCount: number;
  @ApiProperty({ type: String, nullable: true }) acceptedReplyId: string | null;
  @ApiProperty({ type: String, nullable: true }) briefId: string | null;
  @ApiProperty({ type: String, nullable: true }) resourceId: string | null;
  @ApiProperty({ type: AuthorDto, nullable: true, description: 'Null when posted anonymously and you may not see who' }) author: AuthorDto | null;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Who sees the author of an anonymous post, in plain words' }) anonymityNotice: string | null;
  @ApiProperty({ type: Number, nullable: true, enum: [1, -1] }) myVote: 1 | -1 | null;
  @ApiProperty() following: boolean;
  @ApiProperty({ description: 'The author deleted the question; replies stay readable' }) deleted: boolean;
  @ApiProperty({ type: HiddenDto, nullable: true }) hidden: HiddenDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastActivityAt: string;
  @ApiProperty({ type: String, nullable: true }) editedAt: string | null;
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadSummaryDto] }) items: ThreadSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
