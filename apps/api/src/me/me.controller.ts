import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { MeDto, UpdateMeDto } from './dto/me.dto.js';
import { MeService } from './me.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOkResponse({ type: MeDto, description: 'The caller and their cohorts with their role in each' })
  get(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.me.get(principal.userId);
  }

  @Patch()
  @ApiOkResponse({ type: MeDto })
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.me.update(principal.userId, body);
  }
}
