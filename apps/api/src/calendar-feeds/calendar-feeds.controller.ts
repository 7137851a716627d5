import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, type Principal } from '@fabrique/auth';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { CalendarFeedDto } from './dto/calendar-feed.dto.js';
import { isNotModified } from './http-caching.js';

@ApiTags('calendar')
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Post('me/calendar-feed')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CalendarFeedDto, description: 'A new secret address; any previous one stops working' })
  create(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedDto> {
    return this.feeds.create(principal.userId);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The address stops working (also when there was none)' })
  revoke(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.feeds.revoke(principal.userId);
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: "iCalendar feed of the owner's cohort weeks; answers 304 to a matching If-None-Match or If-Modified-Since" })
  @ApiNotFoundResponse({ description: 'Unknown or revoked address' })
  async feed(
    @Param('token') token: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const feed = await this.feeds.render(token);
    response.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-cache',
      ETag: feed.etag,
      'Last-Modified': feed.lastModified.toUTCString(),
    });
    if (isNotModified({ ifNoneMatch, ifModifiedSince }, feed)) {
      response.status(304).end();
      return;
    }
    response.status(200).send(feed.body);
  }
}
