import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AcceptDto, HideDto, RevisionDto, ThreadDto, VoteDto } from './dto/post.dto.js';
import { EditThreadDto, NewThreadDto, ThreadListQueryDto, ThreadPageDto } from './dto/thread.dto.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('peer-help')
@ApiBearerAuth()
@Controller()
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Post('cohorts/:cohortId/threads')
  @ApiCreatedResponse({ type: ThreadDto, description: 'Members of the cohort; `scope: track` shares it with every cohort of the track. Rate-limited per user.' })
  create(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Body() body: NewThreadDto): Promise<ThreadDto> {
    return this.threads.create(principal, cohortId, body);
  }

  @Get('cohorts/:cohortId/threads')
  @ApiOkResponse({ type: ThreadPageDto, description: 'The cohort’s threads and the track-wide ones, keyset-paginated: newest, most voted, or unanswered first' })
  list(@CurrentPrincipal() principal: Principal, @Param('cohortId', UuidPipe) cohortId: string, @Query() query: ThreadListQueryDto): Promise<ThreadPageDto> {
    return this.threads.list(principal, cohortId, query);
  }

  @Get('threads/:threadId')
  @ApiOkResponse({ type: ThreadDto, description: 'With the first page of replies, oldest first' })
  get(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string): Promise<ThreadDto> {
    return this.threads.get(principal, threadId);
  }

  @Patch('threads/:threadId')
  @ApiOkResponse({ type: ThreadDto, description: 'The author only; the replaced version is kept in the history' })
  edit(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string, @Body() body: EditThreadDto): Promise<ThreadDto> {
    return this.threads.edit(principal, threadId, body);
  }

  @Delete('threads/:threadId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The author only: the text disappears, the title and the replies stay' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string): Promise<void> {
    await this.threads.remove(principal, threadId);
  }

  @Get('threads/:threadId/revisions')
  @ApiOkResponse({ type: [RevisionDto], description: 'Every version of the question, oldest first' })
  revisions(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string): Promise<RevisionDto[]> {
    return this.threads.revisions(principal, threadId);
  }

  @Put('threads/:threadId/hidden')
  @ApiOkResponse({ type: ThreadDto, description: 'Facilitators of the cohort: hide with a reason everyone sees' })
  hide(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string, @Body() body: HideDto): Promise<ThreadDto> {
    return this.threads.hide(principal, threadId, body.reason);
  }

  @Delete('threads/:threadId/hidden')
  @ApiOkResponse({ type: ThreadDto, description: 'Facilitators of the cohort: show it again' })
  show(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string): Promise<ThreadDto> {
    return this.threads.hide(principal, threadId, null);
  }

  @Put('threads/:threadId/vote')
  @ApiOkResponse({ description: 'One vote per user, +1 or -1, changeable; not on your own post' })
  vote(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string, @Body() body: VoteDto) {
    return this.threads.vote(principal, threadId, body.value);
  }

  @Delete('threads/:threadId/vote')
  @ApiOkResponse({ description: 'Withdraws your vote' })
  unvote(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string) {
    return this.threads.vote(principal, threadId, null);
  }

  @Put('threads/:threadId/accepted-reply')
  @ApiOkResponse({ type: ThreadDto, description: 'The question’s author or a facilitator accepts one reply as the answer' })
  accept(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string, @Body() body: AcceptDto): Promise<ThreadDto> {
    return this.threads.accept(principal, threadId, body.replyId);
  }

  @Delete('threads/:threadId/accepted-reply')
  @ApiOkResponse({ type: ThreadDto })
  unaccept(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string): Promise<ThreadDto> {
    return this.threads.accept(principal, threadId, null);
  }

  @Put('threads/:threadId/follow')
  @ApiOkResponse({ description: 'Followers get a notification on each reply' })
  follow(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string) {
    return this.threads.follow(principal, threadId, true);
  }

  @Delete('threads/:threadId/follow')
  @ApiOkResponse()
  unfollow(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string) {
    return this.threads.follow(principal, threadId, false);
  }
}
