import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { fieldError, shownByFields } from './field-errors';
import type { Reply, Thread } from './types';
import { useThreadChange } from './use-thread-change';

/**
 * The author rewrites their post in place of it. The API keeps the replaced version in the
 * history and refuses an empty text or a too short title: said next to the field.
 */
export function PostEditForm({ thread, reply, subject, onDone }: { thread: Thread; reply?: Reply; subject: string; onDone: () => void }) {
  const { t } = useTranslation('threads');
  const [title, setTitle] = useState(thread.title ?? '');
  const [body, setBody] = useState((reply ? reply.body : thread.body) ?? '');
  const save = useThreadChange(thread, (): Promise<unknown> =>
    reply
      ? api<Reply>(`/api/replies/${reply.id}`, { method: 'PATCH', body: { body } })
      : api<Thread>(`/api/threads/${thread.id}`, { method: 'PATCH', body: { title, body } }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  const form = reply ? 'reply' : 'question';
  const fields = reply ? ['body'] : ['title', 'body'];
  return (
    <form className="threads-edit" noValidate aria-label={t('post.editTitle', { what: subject })} onSubmit={submit}>
      {!reply && (
        <Field label={t('post.titleLabel')} error={fieldError(save.error, 'title', t)}>
          {({ id, describedBy, invalid }) => (
            <input id={id} maxLength={160} value={title} onChange={(event) => setTitle(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
      )}
      <Field label={reply ? t('post.replyBody') : t('post.questionBody')} hint={t('reply.hint')} error={fieldError(save.error, 'body', t, form)}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={6} maxLength={20_000} value={body} onChange={(event) => setBody(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {!shownByFields(save.error, fields) && <FormError error={save.error} />}
      <div className="threads-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('post.saving') : t('post.save')}
        </button>
        <button type="button" className="button button--quiet" disabled={save.isPending} onClick={onDone}>
          {t('post.cancel')}
        </button>
      </div>
    </form>
  );
}
