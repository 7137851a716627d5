import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { THREAD_SCOPES, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH, type ThreadScope } from '@fabrique/domain';

export const QUESTION_MAX_LENGTH = 2000;
export const COMPETENCY_CODE_MAX_LENGTH = 30;
export const TICKET_STATUSES = ['waiting', 'claimed', 'resolved', 'cancelled'] as const;
/** The statuses a cohort's closed tickets are listed by (open ones are in the live queue). */
export const CLOSED_TICKET_STATUSES = ['resolved', 'cancelled'] as const;
export const CLOSED_TICKETS_DEFAULT_DAYS = 7;
export const CLOSED_TICKETS_DEFAULT_LIMIT = 20;
export const CLOSED_TICKETS_MAX_LIMIT = 100;
const SINCE_MESSAGE = 'since must be an ISO-8601 instant with its offset, such as 2026-10-05T07:00:00Z';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RaiseTicketDto {
  @ApiProperty({ minLength: 1, maxLength: QUESTION_MAX_LENGTH, example: 'Mon conteneur flex ne centre pas verticalement' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'question must not be empty' })
  @MaxLength(QUESTION_MAX_LENGTH, { message: `question must be at most ${QUESTION_MAX_LENGTH} characters` })
  question: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A brief of the cohort’s track' })
  @IsOptional()
  @IsUUID('all', { message: 'briefId must be a UUID' })
  briefId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A resource of a course of the cohort’s track' })
  @IsOptional()
  @IsUUID('all', { message: 'resourceId must be a UUID' })
  resourceId?: string;

  @ApiPropertyOptional({ example: 'C2', description: 'A competency code of the cohort’s track' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(COMPETENCY_CODE_MAX_LENGTH)
  competencyCode?: string;
}

export class PublishTicketDto {
  @ApiPropertyOptional({ enum: THREAD_SCOPES, default: 'cohort', description: '`track`: the thread is shared with every cohort of the track' })
  @IsOptional()
  @IsIn(THREAD_SCOPES, { message: `scope must be one of ${THREAD_SCOPES.join(', ')}` })
  scope?: ThreadScope;

  @ApiPropertyOptional({ minLength: TITLE_MIN_LENGTH, maxLength: TITLE_MAX_LENGTH, description: 'Default: the question, shortened to fit' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(TITLE_MIN_LENGTH, { message: `title must be at least ${TITLE_MIN_LENGTH} characters` })
  @MaxLength(TITLE_MAX_LENGTH, { message: `title must be at most ${TITLE_MAX_LENGTH} characters` })
  title?: string;
}

export class SuggestionsQueryDto {
  @ApiProperty({ minLength: 1, maxLength: QUESTION_MAX_LENGTH, description: 'The question being typed' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'question must not be empty' })
  @MaxLength(QUESTION_MAX_LENGTH, { message: `question must be at most ${QUESTION_MAX_LENGTH} characters` })
  question: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Threads about this brief come first' })
  @IsOptional()
  @IsUUID('all', { message: 'briefId must be a UUID' })
  briefId?: string;

  @ApiPropertyOptional({ example: 'C2', description: 'Suggest online peers who validated this competency' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'competencyCode must not be blank' })
  @MaxLength(COMPETENCY_CODE_MAX_LENGTH)
  competencyCode?: string;
}

export class ClosedTicketsQueryDto {
  @ApiProperty({ enum: CLOSED_TICKET_STATUSES, example: 'resolved' })
  @IsIn(CLOSED_TICKET_STATUSES, { message: `status must be one of ${CLOSED_TICKET_STATUSES.join(', ')}` })
  status: (typeof CLOSED_TICKET_STATUSES)[number];

  @ApiPropertyOptional({ example: '2026-10-05T07:00:00.000Z', description: 'Tickets closed at or after this instant. Default: 7 days ago' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: SINCE_MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, { message: SINCE_MESSAGE })
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: CLOSED_TICKETS_MAX_LIMIT, default: CLOSED_TICKETS_DEFAULT_LIMIT })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(CLOSED_TICKETS_MAX_LIMIT)
  limit?: number;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class CompetencyRefDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: (typeof TICKET_STATUSES)[number];
  @ApiProperty({ description: 'The learner stepped away: their place is kept, they are skipped meanwhile' }) away: boolean;
  @ApiProperty() raisedAt: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) learner: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) question: string | null;
  @ApiProperty({ type: String, nullable: true }) briefId: string | null;
  @ApiProperty({ type: String, nullable: true }) resourceId: string | null;
  @ApiProperty({ type: CompetencyRefDto, nullable: true }) competency: CompetencyRefDto | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) claimedBy: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) claimedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What solved it, in the facilitator’s words' }) resolution: string | null;
  @ApiProperty({ type: String, nullable: true }) escalatedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The peer-help thread it was published as' }) threadId: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Seconds from raised to first claimed; to now while waiting; to the cancellation when cancelled unclaimed',
  })
  waitingSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds from the (last) claim to closing; null while open or never claimed' })
  handlingSeconds: number | null;
}

export class TicketMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ type: PersonRefDto }) author: PersonRefDto;
  @ApiProperty() body: string;
  @ApiProperty() sentAt: string;
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ type: [TicketMessageDto], description: 'The conversation, oldest first' }) messages: TicketMessageDto[];
}

export class PublishedTicketDto {
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: THREAD_SCOPES }) scope: ThreadScope;
  @ApiProperty({ type: TicketDto }) ticket: TicketDto;
}
