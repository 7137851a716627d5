import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@fabrique/auth';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CursorQueryDto, EditReplyDto, HideDto, NewReplyDto, ReplyDto, ReplyPageDto, RevisionDto, VoteDto } from './dto/post.dto.js';
import { RepliesService } from './replies.service.js';

@ApiTags('peer-help')
@ApiBearerAuth()
@Controller()
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post('threads/:threadId/replies')
  @ApiCreatedResponse({ type: ReplyDto, description: 'Followers and @mentioned readers are notified. Rate-limited per user.' })
  create(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string, @Body() body: NewReplyDto): Promise<ReplyDto> {
    return this.replies.create(principal, threadId, body);
  }

  @Get('threads/:threadId/replies')
  @ApiOkResponse({ type: ReplyPageDto, description: 'Oldest first, keyset-paginated' })
  list(@CurrentPrincipal() principal: Principal, @Param('threadId', UuidPipe) threadId: string, @Query() query: CursorQueryDto): Promise<ReplyPageDto> {
    return this.replies.list(principal, threadId, query.cursor);
  }

  @Patch('replies/:replyId')
  @ApiOkResponse({ type: ReplyDto, description: 'The author only; the replaced version is kept in the history' })
  edit(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string, @Body() body: EditReplyDto): Promise<ReplyDto> {
    return this.replies.edit(principal, replyId, body.body);
  }

  @Delete('replies/:replyId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The author only: the text disappears, the thread stays readable' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string): Promise<void> {
    await this.replies.remove(principal, replyId);
  }

  @Get('replies/:replyId/revisions')
  @ApiOkResponse({ type: [RevisionDto] })
  revisions(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string): Promise<RevisionDto[]> {
    return this.replies.revisions(principal, replyId);
  }

  @Put('replies/:replyId/hidden')
  @ApiOkResponse({ type: ReplyDto, description: 'Facilitators of the cohort: hide with a reason everyone sees' })
  hide(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string, @Body() body: HideDto): Promise<ReplyDto> {
    return this.replies.hide(principal, replyId, body.reason);
  }

  @Delete('replies/:replyId/hidden')
  @ApiOkResponse({ type: ReplyDto })
  show(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string): Promise<ReplyDto> {
    return this.replies.hide(principal, replyId, null);
  }

  @Put('replies/:replyId/vote')
  @ApiOkResponse({ description: 'One vote per user, +1 or -1, changeable; not on your own post' })
  vote(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string, @Body() body: VoteDto) {
    return this.replies.vote(principal, replyId, body.value);
  }

  @Delete('replies/:replyId/vote')
  @ApiOkResponse()
  unvote(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string) {
    return this.replies.vote(principal, replyId, null);
  }

  @Put('replies/:replyId/endorsement')
  @ApiOkResponse({ type: ReplyDto, description: 'Facilitators of the cohort vouch for a reply' })
  endorse(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string): Promise<ReplyDto> {
    return this.replies.endorse(principal, replyId, true);
  }

  @Delete('replies/:replyId/endorsement')
  @ApiOkResponse({ type: ReplyDto })
  unendorse(@CurrentPrincipal() principal: Principal, @Param('replyId', UuidPipe) replyId: string): Promise<ReplyDto> {
    return this.replies.endorse(principal, replyId, false);
  }
}
