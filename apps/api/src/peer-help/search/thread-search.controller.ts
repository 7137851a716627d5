import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { SimilarThreadsDto, SimilarThreadsQueryDto, ThreadSearchPageDto, ThreadSearchQueryDto } from './dto/search.dto.js';
import { ThreadSearchService } from './thread-search.service.js';

@ApiTags('peer-help')
@ApiBearerAuth()
@Controller()
export class ThreadSearchController {
  constructor(private readonly search: ThreadSearchService) {}

  @Get('threads')
  @ApiOkResponse({
    type: ThreadSearchPageDto,
    description: 'Full-text search (French and English, accents ignored) over the questions and replies you may read, most relevant first, by cursor',
  })
  find(@CurrentPrincipal() principal: Principal, @Query() query: ThreadSearchQueryDto): Promise<ThreadSearchPageDto> {
    return this.search.search(principal, query);
  }

  @Get('cohorts/:cohortId/threads/similar')
  @ApiOkResponse({ type: SimilarThreadsDto, description: 'Members: threads readable from the cohort that look like a title being typed, best first' })
  similar(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: SimilarThreadsQueryDto): Promise<SimilarThreadsDto> {
    return this.search.similar(principal, cohortId, query);
  }
}
