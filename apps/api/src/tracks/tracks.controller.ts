import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CompetencyDto, CompetencyInput, CreateTrackDto, TrackDto, UpdateCompetencyDto, UpdateTrackDto } from './dto/track.dto.js';
import { TracksService } from './tracks.service.js';

@ApiTags('tracks')
@ApiBearerAuth()
@Controller('tracks')
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @Get()
  @ApiOkResponse({ type: [TrackDto], description: 'All tracks for an admin; the tracks of my cohorts otherwise' })
  list(@CurrentPrincipal() principal: Principal): Promise<TrackDto[]> {
    return this.tracks.list(principal);
  }

  @Get(':trackId')
  @ApiOkResponse({ type: TrackDto })
  get(@CurrentPrincipal() principal: Principal, @Param('trackId', UuidPipe) trackId: string): Promise<TrackDto> {
    return this.tracks.get(principal, trackId);
  }

  @Post()
  @AdminOnly()
  @ApiCreatedResponse({ type: TrackDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTrackDto): Promise<TrackDto> {
    return this.tracks.create(principal, body);
  }

  @Patch(':trackId')
  @AdminOnly()
  @ApiOkResponse({ type: TrackDto })
  update(@CurrentPrincipal() principal: Principal, @Param('trackId', UuidPipe) trackId: string, @Body() body: UpdateTrackDto): Promise<TrackDto> {
    return this.tracks.update(principal, trackId, body);
  }

  @Post(':trackId/competencies')
  @AdminOnly()
  @ApiCreatedResponse({ type: CompetencyDto })
  addCompetency(
    @CurrentPrincipal() principal: Principal,
    @Param('trackId', UuidPipe) trackId: string,
    @Body() body: CompetencyInput,
  ): Promise<CompetencyDto> {
    return this.tracks.addCompetency(principal, trackId, body);
  }

  @Patch(':trackId/competencies/:code')
  @AdminOnly()
  @ApiOkResponse({ type: CompetencyDto })
  updateCompetency(
    @CurrentPrincipal() principal: Principal,
    @Param('trackId', UuidPipe) trackId: string,
    @Param('code') code: string,
    @Body() body: UpdateCompetencyDto,
  ): Promise<CompetencyDto> {
    return this.tracks.updateCompetency(principal, trackId, code, body);
  }
}
