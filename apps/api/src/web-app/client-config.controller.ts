import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';

export class ClientConfigDto {
  @ApiProperty({ example: 'http://localhost:3001', description: 'Where the browser opens its socket.io connection (namespace /live)' })
  realtimeUrl: string;
}

/** What the web app needs to know before anyone signs in. */
@ApiTags('web app')
@Controller('client-config')
export class ClientConfigController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: ClientConfigDto })
  get(): ClientConfigDto {
    return { realtimeUrl: this.config.REALTIME_PUBLIC_URL };
  }
}
