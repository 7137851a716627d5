import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { PostHtml } from './api-html';
import type { Revision } from './types';

/** An edited post's versions, read from the API only once the reader opens the disclosure. */
export function PostRevisions({ threadId, path, zone }: { threadId: string; path: string; zone: string }) {
  const { t } = useTranslation('threads');
  const [open, setOpen] = useState(false);
  // Under the thread's key: any change to the thread reads them again.
  const revisions = useQuery({ queryKey: ['threads', threadId, 'revisions', path], queryFn: () => api<Revision[]>(`${path}/revisions`), enabled: open });
  return (
    <details className="threads-revisions" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('post.revisions')}</summary>
      {revisions.isFetching && <p role="status">{t('post.revisionsLoading')}</p>}
      <FormError error={revisions.error} />
      <ol className="threads-list">
        {[...(revisions.data ?? [])].reverse().map((revision) => (
          <li key={revision.version}>
            <p className="threads-meta">{t(revision.current ? 'post.current' : 'post.revision', { version: revision.version, date: formatDate(revision.writtenAt, zone, 'dayTime') })}</p>
            {revision.title && <p className="threads-revision-title">{revision.title}</p>}
            <PostHtml html={revision.bodyHtml} />
          </li>
        ))}
      </ol>
    </details>
  );
}
