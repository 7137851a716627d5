import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from '@fabrique/contracts';

const asBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const asInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the notification is about; its shape depends on the kind' })
  payload: Record<string, unknown>;
  @ApiProperty({ example: '2026-10-05T07:00:00.000Z' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass it as `cursor` for the next (older) page; null on the last page' })
  nextCursor: string | null;
}

export class NotificationListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(asInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: '`true`: only the unread ones' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

const INSTANT_MESSAGE = 'before must be an ISO-8601 instant with its offset, such as 2026-10-05T07:00:00Z';

export class ReadAllDto {
  @ApiPropertyOptional({
    example: '2026-10-05T07:00:00.000Z',
    description: 'Only what arrived at or before this instant (when the list was shown), so a click never marks what the user has not seen',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, { message: INSTANT_MESSAGE })
  before?: string;
}

export class MarkedDto {
  @ApiProperty({ description: 'How many notifications this marked read' }) marked: number;
}
