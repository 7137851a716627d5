import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateSiteDto, RoomDto, RoomInput, SiteDto, UpdateRoomDto, UpdateSiteDto } from './dto/site.dto.js';
import { SitesService } from './sites.service.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ApiOkResponse({ type: [SiteDto], description: 'All sites for an admin; the sites of my cohorts otherwise' })
  list(@CurrentPrincipal() principal: Principal): Promise<SiteDto[]> {
    return this.sites.list(principal);
  }

  @Get(':siteId')
  @ApiOkResponse({ type: SiteDto })
  get(@CurrentPrincipal() principal: Principal, @Param('siteId', UuidPipe) siteId: string): Promise<SiteDto> {
    return this.sites.get(principal, siteId);
  }

  @Post()
  @AdminOnly()
  @ApiCreatedResponse({ type: SiteDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSiteDto): Promise<SiteDto> {
    return this.sites.create(principal, body);
  }

  @Patch(':siteId')
  @AdminOnly()
  @ApiOkResponse({ type: SiteDto })
  update(@CurrentPrincipal() principal: Principal, @Param('siteId', UuidPipe) siteId: string, @Body() body: UpdateSiteDto): Promise<SiteDto> {
    return this.sites.update(principal, siteId, body);
  }

  @Post(':siteId/rooms')
  @AdminOnly()
  @ApiCreatedResponse({ type: RoomDto })
  addRoom(@CurrentPrincipal() principal: Principal, @Param('siteId', UuidPipe) siteId: string, @Body() body: RoomInput): Promise<RoomDto> {
    return this.sites.addRoom(principal, siteId, body);
  }

  @Patch(':siteId/rooms/:roomId')
  @AdminOnly()
  @ApiOkResponse({ type: RoomDto })
  updateRoom(
    @CurrentPrincipal() principal: Principal,
    @Param('siteId', UuidPipe) siteId: string,
    @Param('roomId', UuidPipe) roomId: string,
    @Body() body: UpdateRoomDto,
  ): Promise<RoomDto> {
    return this.sites.updateRoom(principal, siteId, roomId, body);
  }
}
