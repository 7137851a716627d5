import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { adminKeys, type Room } from './admin-api';
import { fieldErrors } from './field-errors';

/** The API checks a room's name against the site's others as "rooms.<n>.name". */
const keyOf = (apiField: string) => (/^rooms\.\d+\.name$/.test(apiField) ? 'nameTaken' : apiField);

/** A room of a site: a new one (no `room`), or the changes to one. The API judges the values. */
export function RoomForm({ siteId, room, onDone }: { siteId: string; room?: Room; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState(room?.name ?? '');
  const [capacity, setCapacity] = useState(room ? String(room.capacity) : '');
  const save = useMutation({
    mutationFn: (values: { name: string; capacity: number }) =>
      room
        ? api<Room>(`/api/sites/${siteId}/rooms/${room.id}`, { method: 'PATCH', body: values })
        : api<Room>(`/api/sites/${siteId}/rooms`, { method: 'POST', body: values }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.sites });
      if (!room) {
        setName('');
        setCapacity('');
      }
      onDone();
    },
  });
  const { errorOf, formError } = fieldErrors(save.error, { name: t('rooms.errors.name'), nameTaken: t('rooms.errors.nameTaken'), capacity: t('rooms.errors.capacity') }, { keyOf });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Sent as typed (a blank or a decimal too): the API's refusal is the one shown.
    save.mutate({ name: name.trim(), capacity: capacity.trim() === '' ? Number.NaN : Number(capacity) });
  };

  return (
    <form className="admin-room-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{room ? t('rooms.editTitle', { room: room.name }) : t('rooms.newTitle')}</h3>
      <div className="admin-pair">
        <Field label={t('rooms.name')} error={errorOf('nameTaken', 'name')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              value={name}
              maxLength={80}
              onChange={(event) => {
                setName(event.target.value);
                save.reset();
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('rooms.capacity')} hint={t('rooms.capacityHint')} error={errorOf('capacity')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              value={capacity}
              onChange={(event) => {
                setCapacity(event.target.value);
                save.reset();
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      </div>
      <FormError error={formError} />
      <div className="admin-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('saving') : room ? t('rooms.save') : t('rooms.add')}
        </button>
        {room && (
          <button type="button" className="button button--quiet" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
