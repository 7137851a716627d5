import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { PostHtml } from './api-html';
import { PostActions } from './post-actions';
import { PostByline } from './post-byline';
import { PostEditForm } from './post-edit-form';
import { PostRevisions } from './post-revisions';
import type { Reply, Thread, Vote } from './types';
import { useThreadChange } from './use-thread-change';
import { VoteControl } from './vote-control';

/**
 * One reply: its text (the API's sanitised HTML), its marks (accepted, endorsed), and only the
 * actions the API says this reader may take: vote, accept or undo (the asker, facilitators),
 * endorse (facilitators), edit or delete (its author), hide or show (facilitators).
 */
export function ReplyItem({ reply, thread, meId, zone }: { reply: Reply; thread: Thread; meId: string; zone: string }) {
  const { t } = useTranslation('threads');
  const [editing, setEditing] = useState(false);
  const subject = reply.author ? t('vote.replyOf', { name: reply.author.displayName }) : t('vote.anonymousReply', { date: formatDate(reply.createdAt, zone, 'dayTime') });
  const vote = useThreadChange(thread, (value: Vote | null) =>
    api(`/api/replies/${reply.id}/vote`, value === null ? { method: 'DELETE' } : { method: 'PUT', body: { value } }),
  );
  const accept = useThreadChange(thread, (accepted: boolean) =>
    api<Thread>(`/api/threads/${thread.id}/accepted-reply`, accepted ? { method: 'PUT', body: { replyId: reply.id } } : { method: 'DELETE' }),
  );
  const endorse = useThreadChange(thread, (endorsed: boolean) => api<Reply>(`/api/replies/${reply.id}/endorsement`, { method: endorsed ? 'PUT' : 'DELETE' }));
  const live = !reply.deleted && !reply.hidden;
  const pending = vote.isPending || accept.isPending || endorse.isPending;
  const canAccept = thread.permissions.accept && (live || reply.accepted);
  const canEndorse = reply.permissions.moderate && (live || reply.endorsement !== null);

  return (
    <li className={reply.accepted ? 'card threads-reply threads-reply--accepted' : 'card threads-reply'}>
      <article aria-label={subject}>
        {(reply.accepted || reply.endorsement) && (
          <p className="threads-marks">
            {reply.accepted && <span className="badge badge--accepted">{t('replies.accepted')}</span>}
            {reply.endorsement && <span className="badge">{t('replies.endorsedBy', { name: reply.endorsement.by.displayName })}</span>}
          </p>
        )}
        <PostByline post={reply} meId={meId} zone={zone} />
        {reply.deleted && <p className="threads-notice">{t('replies.deleted')}</p>}
        {reply.hidden && <p className="threads-notice">{t('replies.hidden', { reason: reply.hidden.reason })}</p>}
        {editing && reply.permissions.edit ? (
          <PostEditForm thread={thread} reply={reply} subject={subject} onDone={() => setEditing(false)} />
        ) : (
          reply.bodyHtml !== null && <PostHtml html={reply.bodyHtml} />
        )}
        {reply.editedAt && reply.bodyHtml !== null && <PostRevisions threadId={thread.id} path={`/api/replies/${reply.id}`} zone={zone} />}
        <div className="threads-actions" role="group" aria-label={t('replies.actionsOf', { what: subject })}>
          <VoteControl score={reply.score} myVote={reply.myVote} canVote={reply.permissions.vote} subject={subject} pending={pending} onVote={(value) => vote.mutate(value)} />
          {canAccept && (
            <button type="button" className={reply.accepted ? 'button button--quiet' : 'button'} disabled={pending} onClick={() => accept.mutate(!reply.accepted)}>
              {reply.accepted ? t('replies.unaccept') : t('replies.accept')}
            </button>
          )}
          {canEndorse && (
            <button type="button" className="button button--quiet" disabled={pending} onClick={() => endorse.mutate(reply.endorsement === null)}>
              {reply.endorsement ? t('replies.unendorse') : t('replies.endorse')}
            </button>
          )}
        </div>
        {!editing && <PostActions thread={thread} post={reply} path={`/api/replies/${reply.id}`} subject={subject} kind="reply" onEdit={() => setEditing(true)} />}
        <FormError error={vote.error ?? accept.error ?? endorse.error} />
      </article>
    </li>
  );
}
