import type { TicketView } from '@fabrique/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { resolvedTicketsKey } from './resolved-tickets';

const TITLE_MIN = 8;
const TITLE_MAX = 160;

interface PublishedTicket {
  threadId: string;
  title: string;
  scope: 'cohort' | 'track';
  ticket: TicketView;
}

/** The question as a title: one line, shortened to what a thread title may hold. */
export function titleFrom(question: string | null): string {
  const line = (question ?? '').replace(/\s+/g, ' ').trim();
  return line.length <= TITLE_MAX ? line : `${line.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

/**
 * "Publier en fil d'entraide" on a resolved ticket: a title prefilled from the question and who
 * sees it; then the link to the thread. A ticket published already (here or elsewhere) says so.
 */
export function PublishTicket({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation('liveHelp');
  const queryClient = useQueryClient();
  const scopeName = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(() => titleFrom(ticket.question));
  const [scope, setScope] = useState<'cohort' | 'track'>('cohort');
  const [published, setPublished] = useState<{ threadId: string; title: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const publish = useMutation({
    mutationFn: () => api<PublishedTicket>(`/api/tickets/${ticket.id}/publish`, { method: 'POST', body: { title, scope } }),
    onSuccess: (answer) => {
      setPublished({ threadId: answer.threadId, title: answer.title });
      setOpen(false);
      queryClient.setQueryData<TicketView[]>(resolvedTicketsKey(ticket.cohortId), (list) => list?.map((item) => (item.id === ticket.id ? answer.ticket : item)));
      void queryClient.invalidateQueries({ queryKey: ['threads'] });
    },
    onError: async (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.code === 'forbidden') setRefusal(t('publish.forbidden'));
      if (error.code === 'conflict') {
        // Published meanwhile by another facilitator, or not resolved (any more): the ticket as it is now tells which.
        const now = await api<TicketView>(`/api/tickets/${ticket.id}`).catch(() => null);
        if (now?.threadId) {
          queryClient.setQueryData<TicketView[]>(resolvedTicketsKey(ticket.cohortId), (list) => list?.map((item) => (item.id === ticket.id ? { ...item, threadId: now.threadId } : item)));
          setOpen(false);
        } else setRefusal(t('publish.notResolved'));
      }
    },
  });

  if (published) return <ThreadLink intro={t('publish.done')} threadId={published.threadId} title={published.title} />;
  if (ticket.threadId) return <ThreadLink intro={t('publish.alreadyDone')} threadId={ticket.threadId} title={null} />;
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('publish.open')}
      </button>
    );
  }

  const error = publish.error instanceof ApiError ? publish.error : null;
  const titleError = error?.fieldError('title');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    publish.mutate();
  };
  return (
    <form className="publish-ticket" onSubmit={submit}>
      <fieldset>
        <legend>{t('publish.legend', { question: titleFrom(ticket.question) })}</legend>
        <Field label={t('publish.title')} hint={t('publish.titleHint')} error={titleError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} minLength={TITLE_MIN} maxLength={TITLE_MAX} required aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <fieldset className="publish-ticket__scope">
          <legend>{t('publish.scope')}</legend>
          {(['cohort', 'track'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={scopeName} value={value} checked={scope === value} onChange={() => setScope(value)} />
              {value === 'cohort' ? t('publish.scopeCohort') : t('publish.scopeTrack')}
            </label>
          ))}
        </fieldset>
        {refusal ? (
          <p className="form-error" role="alert">
            {refusal}
          </p>
        ) : (
          !titleError && <FormError error={publish.error} />
        )}
        <button type="submit" className="button" disabled={publish.isPending}>
          {publish.isPending ? t('publish.submitting') : t('publish.submit')}
        </button>{' '}
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)} disabled={publish.isPending}>
          {t('publish.cancel')}
        </button>
      </fieldset>
    </form>
  );
}

function ThreadLink({ intro, threadId, title }: { intro: string; threadId: string; title: string | null }) {
  const { t } = useTranslation('liveHelp');
  return (
    <p role="status">
      {intro} <Link to={`/threads/${threadId}`}>{title ? t('publish.openThread', { title }) : t('publish.openThreadUntitled')}</Link>
    </p>
  );
}
