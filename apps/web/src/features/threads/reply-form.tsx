import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { useDraft } from '../../ui/use-draft';
import { fieldError, shownByFields } from './field-errors';
import type { Reply, Thread } from './types';
import { useThreadChange } from './use-thread-change';

/** Answering a question: the text is a draft until the API has it; learners may answer anonymously. */
export function ReplyForm({ thread }: { thread: Thread }) {
  const { t } = useTranslation('threads');
  const [body, setBody, clearBody] = useDraft(`thread-reply.${thread.id}`);
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState(false);
  // Only learners post anonymously; moderators of the thread are its facilitators (or admins).
  const mayBeAnonymous = !thread.permissions.moderate;
  const post = useThreadChange(thread, () =>
    api<Reply>(`/api/threads/${thread.id}/replies`, { method: 'POST', body: { body, ...(mayBeAnonymous && anonymous ? { anonymous: true } : {}) } }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    post.mutate(undefined, {
      onSuccess: () => {
        clearBody();
        setAnonymous(false);
        setSent(true);
      },
    });
  };
  const anonymousError = fieldError(post.error, 'anonymous', t, 'reply');
  return (
    <form className="card" noValidate aria-labelledby="reply-title" onSubmit={submit}>
      <h2 id="reply-title">{t('reply.title')}</h2>
      <Field label={t('reply.label')} hint={t('reply.hint')} error={fieldError(post.error, 'body', t, 'reply')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={6} maxLength={20_000} value={body} onChange={(event) => setBody(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {mayBeAnonymous && (
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
          {t('reply.anonymous')}
        </label>
      )}
      {!shownByFields(post.error, ['body', 'anonymous']) && <FormError error={post.error} />}
      {anonymousError && <p className="field__error">{anonymousError}</p>}
      <p role="status">{sent && t('reply.sent')}</p>
      <button type="submit" className="button" disabled={post.isPending}>
        {post.isPending ? t('reply.sending') : t('reply.submit')}
      </button>
    </form>
  );
}
