import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { Highlighted } from './api-html';
import type { SearchHit, ThreadSummary } from './types';

/**
 * One question in a list: its title (highlighted in search results), an excerpt, and what tells
 * whether it is worth opening: votes, replies, solved, which cohort.
 */
export function ThreadSummaryItem({ thread, zone }: { thread: ThreadSummary | SearchHit; zone: string }) {
  const { t } = useTranslation('threads');
  const hit = 'snippet' in thread ? thread : null;
  const title = thread.title === null ? t('summary.hiddenTitle') : hit?.titleHighlight ? <Highlighted html={hit.titleHighlight} /> : thread.title;
  return (
    <li className="card threads-item">
      <h3>
        <Link to={`/threads/${thread.id}`}>{title}</Link>
      </h3>
      {hit ? (
        hit.snippet && (
          <p className="threads-excerpt">
            {hit.matchedIn === 'reply' && <span className="threads-meta">{t('search.inReply')} </span>}
            <Highlighted html={hit.snippet} />
          </p>
        )
      ) : (
        thread.excerpt && <p className="threads-excerpt">{thread.excerpt}</p>
      )}
      <ThreadFacts thread={thread} zone={zone} />
    </li>
  );
}

/** Votes, replies, the solved mark, the cohort and the date, on one line that wraps on a phone. */
export function ThreadFacts({ thread, zone }: { thread: ThreadSummary; zone: string }) {
  const { t } = useTranslation('threads');
  return (
    <p className="threads-facts">
      {thread.status === 'accepted' && <span className="badge badge--accepted">{t('summary.accepted')}</span>}
      <span>{t('summary.score', { count: thread.score })}</span>
      <span>{t('summary.replies', { count: thread.replyCount })}</span>
      <span>{thread.cohortName}</span>
      {thread.scope === 'track' && <span>{t('summary.sharedWithTrack')}</span>}
      <span>{t('summary.askedOn', { date: formatDate(thread.createdAt, zone, 'day') })}</span>
      {thread.deleted && <span>{t('summary.deleted')}</span>}
    </p>
  );
}
