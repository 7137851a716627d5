import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { fetchReplies, fetchThread, repliesKey, threadKey } from './queries';
import { QuestionView } from './question-view';
import { ReplyForm } from './reply-form';
import { ReplyItem } from './reply-item';
import type { Page, Reply, Thread } from './types';

/** The API says "not found" both for a thread that does not exist and for one the reader may not read. */
const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/** /threads/:threadId: the question, its replies oldest first, and the form to answer. */
export function ThreadPage({ me }: { me: Me }) {
  const { t } = useTranslation('threads');
  const { threadId = '' } = useParams();
  const thread = useQuery({ queryKey: threadKey(threadId), queryFn: () => fetchThread(threadId), retry: (count, error) => !isMissing(error) && count < 2 });
  const back = (
    <Link className="threads-back" to="/threads">
      {t('back')}
    </Link>
  );
  if (!thread.data)
    return (
      <section aria-labelledby="thread-title">
        {back}
        <h1 id="thread-title">{t('thread.title')}</h1>
        {thread.isPending && <p role="status">{t('loading')}</p>}
        {isMissing(thread.error) ? (
          <p className="form-error" role="alert">
            {t('thread.notFound')}
          </p>
        ) : (
          <FormError error={thread.error} />
        )}
      </section>
    );
  return (
    <article aria-labelledby="thread-title">
      {back}
      <QuestionView thread={thread.data} me={me} />
      <Replies thread={thread.data} me={me} />
      {thread.data.permissions.reply ? <ReplyForm thread={thread.data} /> : <p>{t('reply.closed')}</p>}
    </article>
  );
}

function Replies({ thread, me }: { thread: Thread; me: Me }) {
  const { t } = useTranslation('threads');
  // The thread brings the first page of replies; later pages are read on demand.
  const replies = useInfiniteQuery({
    queryKey: repliesKey(thread.id),
    queryFn: ({ pageParam }) => fetchReplies(thread.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<Reply>) => last.nextCursor,
    initialData: { pages: [thread.replies], pageParams: [null] },
    staleTime: 10_000,
  });
  const items = replies.data.pages.flatMap((page) => page.items);
  return (
    <section aria-labelledby="replies-title">
      <h2 id="replies-title">{t('replies.title', { count: thread.replyCount })}</h2>
      <ol className="threads-list">
        {items.map((reply) => (
          <ReplyItem key={reply.id} reply={reply} thread={thread} meId={me.id} zone={me.timeZone} />
        ))}
      </ol>
      {replies.hasNextPage && (
        <button type="button" className="button button--quiet" disabled={replies.isFetchingNextPage} onClick={() => void replies.fetchNextPage()}>
          {replies.isFetchingNextPage ? t('loading') : t('more')}
        </button>
      )}
      <FormError error={replies.error} />
    </section>
  );
}
