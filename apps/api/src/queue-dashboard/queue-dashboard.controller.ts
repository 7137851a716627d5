import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AdminOnly, CurrentPrincipal, type Principal } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, DASHBOARD_SESSION_SECONDS, DashboardSessions } from './dashboard-sessions.js';

export class DashboardSessionDto {
  @ApiProperty({ example: DASHBOARD_PATH, description: 'Where to open the dashboard (same origin as the API)' }) path: string;
  @ApiProperty({ example: '2026-10-05T07:15:00.000Z' }) expiresAt: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queue-dashboard')
export class QueueDashboardController {
  constructor(
    private readonly sessions: DashboardSessions,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @AdminOnly()
  @HttpCode(200)
  @ApiOkResponse({
    type: DashboardSessionDto,
    description: `Sets an HttpOnly, SameSite=Strict cookie valid ${DASHBOARD_SESSION_SECONDS / 60} minutes on ${DASHBOARD_PATH}, where the BullMQ dashboard then opens`,
  })
  @ApiForbiddenResponse({ description: 'Admins only' })
  open(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): DashboardSessionDto {
    const { token, expiresAt } = this.sessions.issue(principal.userId, principal.sessionId);
    response.cookie(DASHBOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure || this.config.PUBLIC_URL.startsWith('https:'),
      path: DASHBOARD_PATH,
      maxAge: DASHBOARD_SESSION_SECONDS * 1000,
    });
    response.set('Cache-Control', 'no-store');
    return { path: DASHBOARD_PATH, expiresAt: expiresAt.toISOString() };
  }
}
