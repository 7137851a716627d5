import { Injectable } from '@nestjs/common';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { anyWordQuery } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { highlightToHtml } from '@fabrique/markdown';
import { decodeCursor, encodeCursor } from '../../common/keyset-cursor.js';
import type { ThreadPageDto } from '../dto/thread.dto.js';
import { HelpViewers } from '../help-viewer.js';
import { presentThreadSummary } from '../thread-presenter.js';
import {
  PAGE_DEFAULT_LIMIT,
  SIMILAR_DEFAULT_LIMIT,
  type SimilarThreadsDto,
  type SimilarThreadsQueryDto,
  type ThreadSearchPageDto,
  type ThreadSearchQueryDto,
  type UnansweredQueryDto,
} from './dto/search.dto.js';
import { MARK_START, MARK_STOP, ThreadSearchRepository } from './thread-search.repository.js';

const toHtml = (headline: string | null) => highlightToHtml(headline ?? '', MARK_START, MARK_STOP);

@Injectable()
export class ThreadSearchService {
  constructor(
    private readonly repository: ThreadSearchRepository,
    private readonly viewers: HelpViewers,
    private readonly access: CohortAccess,
  ) {}

  /**
   * Every thread the caller may read whose question or a reply matches, most relevant first.
   * A filter naming a cohort or track the caller cannot see narrows to nothing: no error tells
   * whether it exists.
   */
  async search(principal: Principal, input: ThreadSearchQueryDto): Promise<ThreadSearchPageDto> {
    const limit = input.limit ?? PAGE_DEFAULT_LIMIT;
    const after = input.cursor ? decodeCursor(input.cursor, ['number', 'uuid']) : null;
    const viewer = await this.viewers.of(principal);
    const q = await this.repository.withoutStopWords(input.q);
    if (await this.repository.isEmptyQuery(q)) return { items: [], nextCursor: null };
    const { cohortId, trackId, tag, status, briefId } = input;
    const keys = await this.repository.searchPage(
      viewer,
      q,
      { cohortId, trackId, tag, status, briefId },
      after ? { rank: after[0] as number, id: after[1] as string } : null,
      limit + 1,
    );
    const page = keys.slice(0, limit);
    const rows = new Map((await this.repository.hitRows(viewer, q, page)).map((row) => [row.id, row]));
    const items = page.flatMap((key) => {
      const row = rows.get(key.id);
      if (!row) return []; // deleted between the two queries
      const summary = presentThreadSummary(row, viewer);
      return [
        {
          ...summary,
          titleHighlight: summary.title === null ? '' : toHtml(row.titleHeadline),
          snippet: toHtml(row.snippetHeadline),
          matchedIn: key.inQuestion ? ('question' as const) : ('reply' as const),
        },
      ];
    });
    const last = page.at(-1);
    return { items, nextCursor: keys.length > limit && last ? encodeCursor([last.rank, last.id]) : null };
  }

  /** Threads a learner may read from the cohort that look like the question being typed; `filters.briefId` keeps those about one brief. */
  async similar(principal: Principal, cohortId: string, input: SimilarThreadsQueryDto, filters: { briefId?: string } = {}): Promise<SimilarThreadsDto> {
    await this.access.requireMember(principal, cohortId);
    const words = anyWordQuery(await this.repository.withoutStopWords(input.title));
    if (words === '' || (await this.repository.isEmptyQuery(words))) return { items: [] };
    const viewer = await this.viewers.of(principal);
    const rows = await this.repository.similar(viewer, cohortId, words, input.limit ?? SIMILAR_DEFAULT_LIMIT, filters.briefId);
    return { items: rows.map((row) => ({ ...presentThreadSummary(row, viewer), titleHighlight: toHtml(row.titleHeadline) })) };
  }

  /** Facilitators' queue: questions without a reply for more than a day where they facilitate, oldest first. */
  async unanswered(principal: Principal, input: UnansweredQueryDto): Promise<ThreadPageDto> {
    const limit = input.limit ?? PAGE_DEFAULT_LIMIT;
    const after = input.cursor ? decodeCursor(input.cursor, ['date', 'uuid']) : null;
    if (input.cohortId) await this.access.requireFacilitator(principal, input.cohortId);
    const viewer = await this.viewers.of(principal);
    if (!viewer.isAdmin && viewer.facilitatedCohortIds.length === 0) throw new AppException('forbidden', 'Only facilitators see the unanswered questions');
    const rows = await this.repository.waiting(viewer, input.cohortId, after ? { createdAt: after[0] as string, id: after[1] as string } : null, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => presentThreadSummary(row, viewer)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAtKey, last.id]) : null,
    };
  }
}
