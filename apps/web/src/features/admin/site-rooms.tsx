import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from './admin-api';
import { RoomForm } from './room-form';

/** A site's rooms, each editable in place, and a form to add one. */
export function SiteRooms({ site }: { site: Site }) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="rooms-title">
      <h2 id="rooms-title">{t('rooms.title', { site: site.name })}</h2>
      {site.rooms.length === 0 && <p>{t('rooms.none')}</p>}
      <ul className="admin-rooms">
        {site.rooms.map((room) => (
          <li key={room.id} className="admin-room">
            {editing === room.id ? (
              <RoomForm siteId={site.id} room={room} onDone={() => setEditing(null)} />
            ) : (
              <>
                <span>
                  <strong>{room.name}</strong> · {t('rooms.seats', { count: room.capacity })}
                </span>
                <button type="button" className="button button--quiet" onClick={() => setEditing(room.id)} aria-label={t('rooms.edit', { room: room.name })}>
                  {t('edit')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <RoomForm siteId={site.id} onDone={() => undefined} />
    </section>
  );
}
