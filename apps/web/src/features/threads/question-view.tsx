import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { PostHtml } from './api-html';
import { PostActions } from './post-actions';
import { PostByline } from './post-byline';
import { PostEditForm } from './post-edit-form';
import { PostRevisions } from './post-revisions';
import { ThreadFacts } from './thread-summary-item';
import type { Thread, Vote } from './types';
import { useThreadChange } from './use-thread-change';
import { VoteControl } from './vote-control';

/**
 * The question itself: title, who asked, its text (the API's sanitised HTML), votes and following;
 * for its author, editing (a form in place of the text) and deleting; for a facilitator, hiding.
 */
export function QuestionView({ thread, me }: { thread: Thread; me: Me }) {
  const { t } = useTranslation('threads');
  const [editing, setEditing] = useState(false);
  const vote = useThreadChange(thread, (value: Vote | null) =>
    api(`/api/threads/${thread.id}/vote`, value === null ? { method: 'DELETE' } : { method: 'PUT', body: { value } }),
  );
  const follow = useThreadChange(thread, (following: boolean) => api(`/api/threads/${thread.id}/follow`, { method: following ? 'PUT' : 'DELETE' }));
  return (
    <>
      <h1 id="thread-title">{thread.title ?? t('summary.hiddenTitle')}</h1>
      <ThreadFacts thread={thread} zone={me.timeZone} />
      {thread.tags.length > 0 && (
        <p className="threads-meta">
          {t('thread.tags')}{' '}
          {thread.tags.map((tag) => (
            <span key={tag} className="badge">
              {tag}
            </span>
          ))}
        </p>
      )}
      <PostByline post={thread} meId={me.id} zone={me.timeZone} />
      {thread.hidden && <p className="threads-notice">{t('thread.hidden', { reason: thread.hidden.reason })}</p>}
      {thread.deleted && <p className="threads-notice">{t('thread.deleted')}</p>}
      {editing && thread.permissions.edit ? (
        <PostEditForm thread={thread} subject={t('post.theQuestion')} onDone={() => setEditing(false)} />
      ) : (
        thread.bodyHtml !== null && <PostHtml html={thread.bodyHtml} />
      )}
      {thread.editedAt && thread.bodyHtml !== null && <PostRevisions threadId={thread.id} path={`/api/threads/${thread.id}`} zone={me.timeZone} />}
      <div className="threads-actions" role="group" aria-label={t('thread.actions')}>
        <VoteControl
          score={thread.score}
          myVote={thread.myVote}
          canVote={thread.permissions.vote}
          subject={t('vote.theQuestion')}
          pending={vote.isPending}
          onVote={(value) => vote.mutate(value)}
        />
        <button type="button" className="button button--quiet" aria-describedby={thread.following ? 'following-hint' : undefined} disabled={follow.isPending} onClick={() => follow.mutate(!thread.following)}>
          {thread.following ? t('thread.unfollow') : t('thread.follow')}
        </button>
      </div>
      {!editing && (
        <PostActions thread={thread} post={thread} path={`/api/threads/${thread.id}`} subject={t('post.theQuestion')} kind="question" onEdit={() => setEditing(true)} />
      )}
      {thread.following && (
        <p className="threads-meta" id="following-hint">
          {t('thread.followingHint')}
        </p>
      )}
      <FormError error={vote.error ?? follow.error} />
    </>
  );
}
