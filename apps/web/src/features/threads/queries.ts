import { api } from '../../api/client';
import type { Page, Reply, SearchHit, SimilarThread, Thread, ThreadStatus, ThreadSummary } from './types';

/** The query keys of these screens: everything about one thread under ['threads', id], so one invalidation refreshes it all. */
export const threadKey = (threadId: string) => ['threads', threadId];
export const repliesKey = (threadId: string) => ['threads', threadId, 'replies'];
export const searchKey = (q: string, status: ThreadStatus | null) => ['threads', 'search', q, status];
export const cohortThreadsKey = (cohortId: string, status: ThreadStatus | null) => ['cohorts', cohortId, 'threads', status];
export const similarKey = (cohortId: string, title: string) => ['cohorts', cohortId, 'threads', 'similar', title];

const query = (params: Record<string, string | null | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const searchThreads = (q: string, status: ThreadStatus | null, cursor: string | null) =>
  api<Page<SearchHit>>(`/api/threads${query({ q, status, cursor })}`);

export const cohortThreads = (cohortId: string, status: ThreadStatus | null, cursor: string | null) =>
  api<Page<ThreadSummary>>(`/api/cohorts/${cohortId}/threads${query({ status, cursor })}`);

export const similarThreads = (cohortId: string, title: string) => api<{ items: SimilarThread[] }>(`/api/cohorts/${cohortId}/threads/similar${query({ title })}`);

export const fetchThread = (threadId: string) => api<Thread>(`/api/threads/${threadId}`);

export const fetchReplies = (threadId: string, cursor: string | null) => api<Page<Reply>>(`/api/threads/${threadId}/replies${query({ cursor })}`);
