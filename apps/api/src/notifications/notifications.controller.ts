import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { MarkedDto, NotificationDto, NotificationListQueryDto, NotificationPageDto, ReadAllDto, UnreadCountDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto, description: 'The caller’s inbox, newest first, keyset-paginated (`unread=true`: only the unread ones)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(principal.userId, query);
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(principal.userId);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedDto, description: 'Marks every unread notification read, or only those that arrived up to `before`' })
  readAll(@CurrentPrincipal() principal: Principal, @Body() body: ReadAllDto): Promise<MarkedDto> {
    return this.notifications.markAllRead(principal.userId, body?.before);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto, description: 'Idempotent: marking it again keeps the first reading time' })
  @ApiNotFoundResponse({ description: 'Not one of the caller’s notifications' })
  read(@CurrentPrincipal() principal: Principal, @Param('notificationId', UuidPipe) notificationId: string): Promise<NotificationDto> {
    return this.notifications.markRead(principal.userId, notificationId);
  }
}
