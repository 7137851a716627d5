import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import type { Hidden, PostPermissions, Thread } from './types';
import { useThreadChange } from './use-thread-change';

interface Post {
  deleted: boolean;
  hidden: Hidden | null;
  permissions: PostPermissions;
}

/**
 * What the API lets this reader do to a post besides voting: its author edits or deletes it
 * (deleting asks a second press), a facilitator hides it with a reason everyone reads, or shows
 * it again. `path` is the post's address in the API (/api/threads/:id or /api/replies/:id).
 */
export function PostActions({ thread, post, path, subject, kind, onEdit }: { thread: Thread; post: Post; path: string; subject: string; kind: 'question' | 'reply'; onEdit: () => void }) {
  const { t } = useTranslation('threads');
  const [confirming, setConfirming] = useState(false);
  const [hiding, setHiding] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const warningId = useId();
  const remove = useThreadChange(thread, () => api(path, { method: 'DELETE' }));
  const show = useThreadChange(thread, () => api(`${path}/hidden`, { method: 'DELETE' }));
  // The confirmation takes the focus, so a keyboard user lands on the button that deletes.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const { edit, moderate } = post.permissions;
  const canDelete = post.permissions.delete;
  if (!edit && !canDelete && !moderate) return null;
  const pending = remove.isPending || show.isPending;
  return (
    <>
      <div className="threads-actions" role="group" aria-label={t('post.manage', { what: subject })}>
        {edit && (
          <button type="button" className="button button--quiet" disabled={pending} onClick={onEdit}>
            {t('post.edit')}
          </button>
        )}
        {canDelete && !confirming && (
          <button type="button" className="button button--quiet" disabled={pending} onClick={() => setConfirming(true)}>
            {t('post.delete')}
          </button>
        )}
        {moderate && !post.deleted && !post.hidden && !hiding && (
          <button type="button" className="button button--quiet" disabled={pending} onClick={() => setHiding(true)}>
            {t('post.hide')}
          </button>
        )}
        {moderate && post.hidden && (
          <button type="button" className="button button--quiet" disabled={pending} onClick={() => show.mutate(undefined)}>
            {t('post.show')}
          </button>
        )}
      </div>
      {canDelete && confirming && (
        <div className="threads-confirm">
          <p id={warningId}>{kind === 'question' ? t('post.deleteQuestionWarning') : t('post.deleteReplyWarning')}</p>
          <div className="threads-actions">
            <button
              ref={confirmRef}
              type="button"
              className="button threads-danger"
              aria-describedby={warningId}
              disabled={pending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {remove.isPending ? t('post.deleting') : t('post.confirmDelete')}
            </button>
            <button type="button" className="button button--quiet" disabled={pending} onClick={() => setConfirming(false)}>
              {t('post.cancel')}
            </button>
          </div>
        </div>
      )}
      {moderate && hiding && <HideForm thread={thread} path={path} subject={subject} onDone={() => setHiding(false)} />}
      {moderate && post.hidden && <p className="threads-meta">{t('post.hiddenForOthers')}</p>}
      <FormError error={remove.error ?? show.error} />
    </>
  );
}

/** Hiding says why: the reason is shown to everyone in place of the post. */
function HideForm({ thread, path, subject, onDone }: { thread: Thread; path: string; subject: string; onDone: () => void }) {
  const { t } = useTranslation('threads');
  const [reason, setReason] = useState('');
  const hide = useThreadChange(thread, () => api(`${path}/hidden`, { method: 'PUT', body: { reason } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    hide.mutate(undefined, { onSuccess: onDone });
  };
  const rule = hide.error instanceof ApiError ? hide.error.details.find((detail) => detail.field === 'reason')?.rule : undefined;
  const reasonError = rule === 'minLength' ? t('post.hideReasonTooShort') : hide.error instanceof ApiError ? hide.error.fieldError('reason') : undefined;
  return (
    <form className="threads-edit" noValidate aria-label={t('post.hideTitle', { what: subject })} onSubmit={submit}>
      <Field label={t('post.hideReason')} hint={t('post.hideReasonHint')} error={reasonError}>
        {({ id, describedBy, invalid }) => (
          <input id={id} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {!reasonError && <FormError error={hide.error} />}
      <div className="threads-actions">
        <button type="submit" className="button" disabled={hide.isPending}>
          {t('post.confirmHide')}
        </button>
        <button type="button" className="button button--quiet" disabled={hide.isPending} onClick={onDone}>
          {t('post.cancel')}
        </button>
      </div>
    </form>
  );
}
