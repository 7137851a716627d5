import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { fieldError, shownByFields } from './field-errors';
import { threadKey } from './queries';
import { SimilarThreads } from './similar-threads';
import type { Thread, ThreadScope } from './types';
import { useJsonDraft } from './use-json-draft';

interface Question {
  cohortId: string;
  title: string;
  body: string;
  tags: string;
  scope: ThreadScope;
  anonymous: boolean;
}

const FIELDS = ['title', 'body', 'tags', 'scope', 'anonymous'] as const;
const tagsOf = (text: string) => text.split(',').map((tag) => tag.trim()).filter(Boolean);

/**
 * /threads/new: ask a question. Similar questions show while the title is typed; what is typed
 * is a draft that survives a reload or opening a suggestion; the API judges and each of its
 * objections is shown next to its field.
 */
export function AskPage({ me }: { me: Me }) {
  const { t } = useTranslation('threads');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft, clearDraft] = useJsonDraft<Question>('thread-question', {
    cohortId: me.cohorts[0]?.id ?? '',
    title: '',
    body: '',
    tags: '',
    scope: 'cohort',
    anonymous: false,
  });
  // A draft from a cohort the user has since left falls back to their first.
  const cohort = me.cohorts.find((candidate) => candidate.id === draft.cohortId) ?? me.cohorts[0];
  const isLearner = cohort?.role === 'learner';
  const set = (change: Partial<Question>) => setDraft({ ...draft, ...change });

  const ask = useMutation({
    mutationFn: () =>
      api<Thread>(`/api/cohorts/${cohort?.id}/threads`, {
        method: 'POST',
        body: { title: draft.title, body: draft.body, tags: tagsOf(draft.tags), scope: draft.scope, ...(isLearner && draft.anonymous ? { anonymous: true } : {}) },
      }),
    onSuccess: (thread) => {
      clearDraft();
      queryClient.setQueryData(threadKey(thread.id), thread);
      void queryClient.invalidateQueries({ queryKey: ['cohorts', thread.cohortId, 'threads'] });
      void navigate(`/threads/${thread.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  const error = ask.error;

  if (!cohort)
    return (
      <section aria-labelledby="ask-title">
        <h1 id="ask-title">{t('form.title')}</h1>
        <p>{t('noCohort')}</p>
      </section>
    );

  return (
    <section aria-labelledby="ask-title">
      <Link className="threads-back" to="/threads">
        {t('back')}
      </Link>
      <h1 id="ask-title">{t('form.title')}</h1>
      <p>{t('form.intro')}</p>
      <form className="card" noValidate onSubmit={submit} aria-labelledby="ask-title">
        <CohortPicker cohorts={me.cohorts} value={cohort.id} onChange={(cohortId) => set({ cohortId })} />
        <Field label={t('form.titleLabel')} hint={t('form.titleHint')} error={fieldError(error, 'title', t)}>
          {({ id, describedBy, invalid }) => (
            <input id={id} maxLength={160} autoComplete="off" value={draft.title} onChange={(event) => set({ title: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <SimilarThreads cohortId={cohort.id} title={draft.title} zone={me.timeZone} />
        <Field label={t('form.body')} hint={t('form.bodyHint')} error={fieldError(error, 'body', t)}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={8} maxLength={20_000} value={draft.body} onChange={(event) => set({ body: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <fieldset className="threads-choices">
          <legend>{t('form.scope')}</legend>
          {(['cohort', 'track'] as const).map((scope) => (
            <label key={scope} className="check">
              <input type="radio" name="scope" value={scope} checked={draft.scope === scope} onChange={() => set({ scope })} />
              {scope === 'cohort' ? t('form.scopeCohort') : t('form.scopeTrack')}
            </label>
          ))}
          {fieldError(error, 'scope', t) && <p className="field__error">{fieldError(error, 'scope', t)}</p>}
        </fieldset>
        <Field label={t('form.tags')} hint={t('form.tagsHint')} error={fieldError(error, 'tags', t)}>
          {({ id, describedBy, invalid }) => (
            <input id={id} autoComplete="off" spellCheck={false} value={draft.tags} onChange={(event) => set({ tags: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        {isLearner && (
          <div className="check">
            <input id="ask-anonymous" type="checkbox" checked={draft.anonymous} onChange={(event) => set({ anonymous: event.target.checked })} aria-describedby="ask-anonymous-hint" />
            <div>
              <label htmlFor="ask-anonymous">{t('form.anonymous')}</label>
              <p className="field__hint" id="ask-anonymous-hint">
                {t('form.anonymousHint')}
              </p>
              {fieldError(error, 'anonymous', t) && <p className="field__error">{fieldError(error, 'anonymous', t)}</p>}
            </div>
          </div>
        )}
        {!shownByFields(error, FIELDS) && <FormError error={error} />}
        <p className="threads-meta">{t('form.draftKept')}</p>
        <button type="submit" className="button" disabled={ask.isPending}>
          {ask.isPending ? t('form.sending') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
