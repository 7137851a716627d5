import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public, type Principal } from '@fabrique/auth';
import { KindPreferenceDto, NotificationPreferencesDto, UnsubscribeQueryDto, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

@ApiTags('notifications')
@ApiExtraModels(KindPreferenceDto)
@Controller()
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get('me/notification-preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'E-mail per kind (yours or the default), quiet hours, digest, language, time zone' })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.get(principal.userId);
  }

  @Put('me/notification-preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'Changes only what is given; unknown kinds are a 400 naming `email.<kind>`' })
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePreferencesDto): Promise<NotificationPreferencesDto> {
    return this.preferences.update(principal.userId, body);
  }

  @Get('notification-preferences/unsubscribe')
  @Public()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The link of an e-mail: turns that kind’s e-mails off and answers a page in the user’s language' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or forged token (JSON error)' })
  async unsubscribe(@Query() query: UnsubscribeQueryDto, @Res() response: Response): Promise<void> {
    this.sendPage(response, await this.preferences.unsubscribe(query.token));
  }

  @Post('notification-preferences/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'RFC 8058 one-click (List-Unsubscribe-Post: List-Unsubscribe=One-Click): the same as GET, the body is ignored' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or forged token (JSON error)' })
  async unsubscribeOneClick(@Query() query: UnsubscribeQueryDto, @Res() response: Response): Promise<void> {
    this.sendPage(response, await this.preferences.unsubscribe(query.token));
  }

  private sendPage(response: Response, html: string): void {
    response.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(html);
  }
}
