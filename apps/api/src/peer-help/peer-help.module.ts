import { Module } from '@nestjs/common';
import { HelpViewers } from './help-viewer.js';
import { PeerHelpRepository } from './peer-help.repository.js';
import { PostRateLimiter } from './post-rate-limiter.js';
import { RepliesController } from './replies.controller.js';
import { RepliesService } from './replies.service.js';
import { ThreadNotifier } from './thread-notifier.js';
import { ThreadsController } from './threads.controller.js';
import { ThreadsService } from './threads.service.js';

@Module({
  controllers: [ThreadsController, RepliesController],
  providers: [HelpViewers, PeerHelpRepository, PostRateLimiter, ThreadNotifier, ThreadsService, RepliesService],
})
export class PeerHelpModule {}
