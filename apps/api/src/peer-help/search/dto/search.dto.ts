import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { THREAD_STATUSES, type ThreadStatus } from '@fabrique/domain';
import { ThreadSummaryDto } from '../../dto/thread.dto.js';

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SIMILAR_TITLE_MAX_LENGTH = 200;
export const SIMILAR_DEFAULT_LIMIT = 5;
export const SIMILAR_MAX_LIMIT = 10;
export const PAGE_DEFAULT_LIMIT = 20;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Query strings are text: a limit of digits becomes a number, anything else stays as sent and fails @IsInt. */
const integer = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);
const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;

class PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'cursor is not a cursor from this list' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: PAGE_DEFAULT_LIMIT })
  @IsOptional()
  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ThreadSearchQueryDto extends PageQueryDto {
  @ApiProperty({ minLength: 1, maxLength: SEARCH_QUERY_MAX_LENGTH, description: 'Words, "a phrase", -excluded, a or b (web search syntax), French or English' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'q must not be empty' })
  @MaxLength(SEARCH_QUERY_MAX_LENGTH, { message: `q must be at most ${SEARCH_QUERY_MAX_LENGTH} characters` })
  q: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only threads asked in this cohort' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only threads of this track' })
  @IsOptional()
  @IsUUID()
  trackId?: string;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  tag?: string;

  @ApiPropertyOptional({ enum: THREAD_STATUSES })
  @IsOptional()
  @IsIn(THREAD_STATUSES)
  status?: ThreadStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  briefId?: string;
}

export class SimilarThreadsQueryDto {
  @ApiProperty({ maxLength: SIMILAR_TITLE_MAX_LENGTH, description: 'The title being typed' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(SIMILAR_TITLE_MAX_LENGTH, { message: `title must be at most ${SIMILAR_TITLE_MAX_LENGTH} characters` })
  title: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SIMILAR_MAX_LIMIT, default: SIMILAR_DEFAULT_LIMIT })
  @IsOptional()
  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(SIMILAR_MAX_LIMIT)
  limit?: number;
}

export class UnansweredQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only threads asked in this cohort (one you facilitate)' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

export const MATCHED_IN = ['question', 'reply'] as const;
export type MatchedIn = (typeof MATCHED_IN)[number];

export class ThreadSearchHitDto extends ThreadSummaryDto {
  @ApiProperty({ description: 'HTML: the escaped title, matched words in <mark>' }) titleHighlight: string;
  @ApiProperty({ description: 'HTML: an escaped fragment of the question, or of the best matching reply, matched words in <mark>' }) snippet: string;
  @ApiProperty({ enum: MATCHED_IN, description: '`reply`: only replies matched, the snippet quotes the best one' }) matchedIn: MatchedIn;
}

export class ThreadSearchPageDto {
  @ApiProperty({ type: [ThreadSearchHitDto] }) items: ThreadSearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class SimilarThreadDto extends ThreadSummaryDto {
  @ApiProperty({ description: 'HTML: the escaped title, words shared with the typed title in <mark>' }) titleHighlight: string;
}

export class SimilarThreadsDto {
  @ApiProperty({ type: [SimilarThreadDto] }) items: SimilarThreadDto[];
}
