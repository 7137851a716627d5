import '../preferences/messages'; // the kinds of notification, in words
import type { NotificationView } from '@fabrique/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { live } from '../../live/live-client';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';

interface InboxPage {
  items: NotificationView[];
  nextCursor: string | null;
}

/** The inbox: the API's list, new notifications pushed live on top, reloaded after a reconnection. */
export function InboxPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: ['me', 'notifications'], queryFn: () => api<InboxPage>('/api/me/notifications') });
  useEffect(() => {
    const offPush = live.on('notification', (notification) => {
      queryClient.setQueryData<InboxPage>(['me', 'notifications'], (page) =>
        page && !page.items.some((item) => item.id === notification.id) ? { ...page, items: [notification, ...page.items] } : page,
      );
    });
    const offReconnected = live.on('reconnected', () => void queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] }));
    return () => {
      offPush();
      offReconnected();
    };
  }, [queryClient]);

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <FormError error={inbox.error} />
      {inbox.data?.items.length === 0 && <p>{t('inbox.empty')}</p>}
      <ul className="inbox" aria-live="polite">
        {inbox.data?.items.map((item) => (
          <li key={item.id} className={item.readAt ? 'card' : 'card card--unread'}>
            <strong>{t(`kinds.${item.kind}`, { ns: 'preferences', defaultValue: item.kind })}</strong> · {formatDate(item.createdAt, me.timeZone, 'dayTime')}
            {!item.readAt && <span className="badge">{t('inbox.unread')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
