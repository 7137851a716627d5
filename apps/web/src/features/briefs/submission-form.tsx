import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { fieldError, shownByFields } from './field-errors';
import { workKey } from './queries';
import type { Submission, Work } from './types';
import { useJsonDraft } from './use-json-draft';

const MAX_LINKS = 10; // as the API allows

interface Failure {
  cause: unknown;
  /** For each link sent, the box it came from: the API's "links.N" counts only the links sent. */
  sentFrom: number[];
}

/**
 * Sends a version of the work: links (http or https only, the API judges) and a comment. A new version
 * starts from the links of the previous one, since often only one changes; what is typed is kept as a
 * draft through a failure or a reload.
 */
export function SubmissionForm({ assignmentId, latest, overdue, zone }: { assignmentId: string; latest?: Submission; overdue: boolean; zone: string }) {
  const { t } = useTranslation('briefs');
  const queryClient = useQueryClient();
  const [draft, setDraft, clearDraft] = useJsonDraft(`submission.${assignmentId}`, { links: latest?.links ?? [''], comment: '' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [noLink, setNoLink] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Submission | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const titleId = useId();
  const hintId = useId();
  const groupErrorId = useId();

  const setLink = (index: number, value: string) => {
    setNoLink(false);
    setDraft({ ...draft, links: draft.links.map((link, i) => (i === index ? value : link)) });
  };
  const addLink = () => {
    setAdded(draft.links.length);
    setDraft({ ...draft, links: [...draft.links, ''] });
  };
  const removeLink = (index: number) => {
    setAdded(null);
    setFailure(null); // the indexes it named no longer match the boxes
    setDraft({ ...draft, links: draft.links.filter((_, i) => i !== index) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sentFrom = draft.links.flatMap((link, index) => (link.trim() ? [index] : []));
    setNoLink(sentFrom.length === 0);
    if (sentFrom.length === 0) return;
    setSending(true);
    setFailure(null);
    setSent(null);
    try {
      const work = await api<Work>(`/api/assignments/${assignmentId}/submissions`, {
        method: 'POST',
        body: { links: sentFrom.map((index) => draft.links[index].trim()), comment: draft.comment },
      });
      queryClient.setQueryData(workKey(assignmentId), work);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[2] === 'assignments' }); // lists show each work's status
      clearDraft();
      setSent(work.versions[0] ?? null);
    } catch (cause) {
      setFailure({ cause, sentFrom });
    } finally {
      setSending(false);
    }
  };

  const cause = failure?.cause;
  // The API words a bad link in English for developers; the learner gets it in their language.
  const linkError = (index: number) => {
    const sentIndex = failure?.sentFrom.indexOf(index) ?? -1;
    const message = sentIndex >= 0 ? fieldError(cause, `links.${sentIndex}`) : undefined;
    return message && /http\(s\)/.test(message) ? t('form.linkNotHttp') : message;
  };
  const groupError = noLink ? t('form.noLink') : fieldError(cause, 'links');
  const isShown = (field: string) => /^links(\.\d+)?$/.test(field) || field === 'comment';

  return (
    <form className="card briefs-card" noValidate aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h3 id={titleId}>{latest ? t('form.newVersion') : t('form.first')}</h3>
      {latest && <p className="briefs-meta">{t('form.newVersionHint')}</p>}
      {overdue && <p>{t('form.overdue')}</p>}
      <fieldset className={groupError ? 'briefs-group briefs-group--invalid' : 'briefs-group'} aria-describedby={[hintId, groupError ? groupErrorId : ''].filter(Boolean).join(' ')}>
        <legend>{t('form.links')}</legend>
        <p className="field__hint" id={hintId}>
          {t('form.linksHint')}
        </p>
        {draft.links.map((link, index) => (
          <Field key={index} label={t('form.link', { number: index + 1 })} error={linkError(index)}>
            {({ id, describedBy, invalid }) => (
              <div className="briefs-link-row">
                <input
                  id={id}
                  type="url"
                  autoComplete="url"
                  spellCheck={false}
                  placeholder="https://"
                  maxLength={2000}
                  value={link}
                  onChange={(event) => setLink(index, event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  autoFocus={index === added}
                />
                {draft.links.length > 1 && (
                  <button type="button" className="button button--quiet" onClick={() => removeLink(index)}>
                    {t('form.remove')}
                    <span className="visually-hidden"> {t('form.link', { number: index + 1 })}</span>
                  </button>
                )}
              </div>
            )}
          </Field>
        ))}
        {groupError && (
          <p className="field__error" id={groupErrorId}>
            {groupError}
          </p>
        )}
        <button type="button" className="button button--quiet" onClick={addLink} disabled={draft.links.length >= MAX_LINKS}>
          {t('form.addLink')}
        </button>
      </fieldset>
      <Field label={t('form.comment')} hint={t('form.commentHint')} error={fieldError(cause, 'comment')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={3} maxLength={10_000} value={draft.comment} onChange={(event) => setDraft({ ...draft, comment: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {!shownByFields(cause, isShown) && <FormError error={cause} />}
      <p role="status">{sent && t('form.sent', { version: sent.version, date: formatDate(sent.submittedAt, zone, 'dayTime') })}</p>
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('form.sending') : t('form.submit')}
      </button>
    </form>
  );
}
