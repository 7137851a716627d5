import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { BODY_MAX_LENGTH } from '@fabrique/domain';
import { AuthorDto, HiddenDto, ThreadSummaryDto } from './thread.dto.js';

export class NewReplyDto {
  @ApiProperty({ description: 'Markdown; @handle mentions notify readers of the thread', maxLength: BODY_MAX_LENGTH })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(BODY_MAX_LENGTH, { message: `body must be at most ${BODY_MAX_LENGTH} characters` })
  body: string;

  @ApiPropertyOptional({ default: false, description: 'Learners only: peers see "anonymous", your facilitators see you' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class EditReplyDto {
  @ApiProperty({ maxLength: BODY_MAX_LENGTH })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(BODY_MAX_LENGTH, { message: `body must be at most ${BODY_MAX_LENGTH} characters` })
  body: string;
}

export class VoteDto {
  @ApiProperty({ enum: [1, -1] })
  @IsIn([1, -1], { message: 'value must be 1 or -1' })
  value: 1 | -1;
}

export class HideDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Contient une clé d’API : je l’ai masqué, change-la.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3, { message: 'reason must say why, in at least 3 characters' })
  @MaxLength(500)
  reason: string;
}

export class AcceptDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'replyId must be a UUID' })
  replyId: string;
}

export class EndorsementDto {
  @ApiProperty({ type: AuthorDto }) by: AuthorDto;
  @ApiProperty() endorsedAt: string;
}

export class PostPermissionsDto {
  @ApiProperty() edit: boolean;
  @ApiProperty() delete: boolean;
  @ApiProperty({ description: 'Not on your own post' }) vote: boolean;
  @ApiProperty({ description: 'Hide with a reason, endorse a reply' }) moderate: boolean;
}

export class ReplyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ type: AuthorDto, nullable: true }) author: AuthorDto | null;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ type: String, nullable: true }) anonymityNotice: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Markdown as written; null when deleted or hidden from you' }) body: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sanitized HTML rendered from the markdown' }) bodyHtml: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: Number, nullable: true, enum: [1, -1] }) myVote: 1 | -1 | null;
  @ApiProperty() accepted: boolean;
  @ApiProperty({ type: EndorsementDto, nullable: true }) endorsement: EndorsementDto | null;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ type: HiddenDto, nullable: true }) hidden: HiddenDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) editedAt: string | null;
  @ApiProperty({ type: PostPermissionsDto }) permissions: PostPermissionsDto;
}

export class ReplyPageDto {
  @ApiProperty({ type: [ReplyDto] }) items: ReplyDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ThreadPermissionsDto extends PostPermissionsDto {
  @ApiProperty({ description: 'The author and moderators accept an answer' }) accept: boolean;
  @ApiProperty() reply: boolean;
}

export class ThreadDto extends ThreadSummaryDto {
  @ApiProperty({ type: String, nullable: true, description: 'Markdown as written; null when deleted or hidden from you' }) body: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sanitized HTML rendered from the markdown' }) bodyHtml: string | null;
  @ApiProperty({ type: ThreadPermissionsDto }) permissions: ThreadPermissionsDto;
  @ApiProperty({ type: ReplyPageDto, description: 'Oldest first' }) replies: ReplyPageDto;
}

export class RevisionDto {
  @ApiProperty() version: number;
  @ApiProperty({ description: 'The version shown now' }) current: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Threads only' }) title: string | null;
  @ApiProperty() body: string;
  @ApiProperty() bodyHtml: string;
  @ApiProperty({ type: [String], nullable: true, description: 'Threads only' }) tags: string[] | null;
  @ApiProperty({ description: 'When this version was written' }) writtenAt: string;
}

export class CursorQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
