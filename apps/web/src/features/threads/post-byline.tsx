import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import type { Author } from './types';

/**
 * Who wrote a post and when; for an anonymous post, the rule in plain words (the API's notice,
 * said in the reader's language): peers see "anonymous", the author's facilitators see who.
 */
export function PostByline({ post, meId, zone }: { post: { author: Author | null; anonymous: boolean; createdAt: string; editedAt: string | null }; meId: string; zone: string }) {
  const { t } = useTranslation('threads');
  const mine = post.author?.id === meId;
  const name = post.author ? (mine ? `${post.author.displayName} (${t('thread.you')})` : post.author.displayName) : t('thread.anonymous');
  const notice = !post.anonymous ? null : !post.author ? t('thread.anonymityPeer') : mine ? t('thread.anonymityAuthor') : t('thread.anonymityRevealed');
  return (
    <>
      <p className="threads-meta">
        {t('thread.by', { name })} {t('thread.on', { date: formatDate(post.createdAt, zone, 'dayTime') })}
        {post.editedAt && ` · ${t('thread.edited', { date: formatDate(post.editedAt, zone, 'dayTime') })}`}
      </p>
      {notice && <p className="threads-notice">{notice}</p>}
    </>
  );
}
