import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { fieldError, shownByFields } from './field-errors';
import { submissionKey, toReviewKey } from './queries';
import { type Assignment, LEVELS, type Submission, type TargetedCompetency, type Verdict } from './types';
import { useJsonDraft } from './use-json-draft';

interface ReviewDraft {
  levels: Record<string, number>;
  comments: Record<string, string>;
  verdict: Verdict | null;
  comment: string;
}

const EMPTY: ReviewDraft = { levels: {}, comments: {}, verdict: null, comment: '' };

/**
 * The competency grid: a level 0–3 for each competency the brief targets (the API wants every one,
 * in the brief's order, so "levels.N" names the N-th group here), a comment each, then the verdict.
 * "To redo" reopens the work for a new version. The grid is a draft until the API has it.
 */
export function ReviewForm({ submission, assignment, onSaved }: { submission: Submission; assignment: Assignment; onSaved: () => void }) {
  const { t } = useTranslation('briefs');
  const queryClient = useQueryClient();
  const [draft, setDraft, clearDraft] = useJsonDraft<ReviewDraft>(`review.${submission.id}`, EMPTY);
  const [error, setError] = useState<unknown>(null);
  // Once a save was tried, what is still missing is said next to its group, and goes as it is chosen.
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const competencies = assignment.brief.competencies;

  // What the form can tell before asking: a level or the verdict not chosen yet.
  const check = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    competencies.forEach((competency, index) => {
      if (draft.levels[competency.code] === undefined) problems[`levels.${index}.level`] = t('form.chooseLevel');
    });
    if (!draft.verdict) problems.verdict = t('form.chooseVerdict');
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (Object.keys(check()).length > 0) return;
    setSaving(true);
    try {
      const reviewed = await api<Submission>(`/api/submissions/${submission.id}/review`, {
        method: 'POST',
        body: {
          verdict: draft.verdict,
          comment: draft.comment,
          levels: competencies.map((competency) => ({ code: competency.code, level: draft.levels[competency.code], comment: draft.comments[competency.code] ?? '' })),
        },
      });
      queryClient.setQueryData(submissionKey(submission.id), reviewed);
      void queryClient.invalidateQueries({ queryKey: toReviewKey(assignment.cohortId) });
      clearDraft();
      onSaved();
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  const missing = tried ? check() : {};
  const problem = (field: string) => missing[field] ?? fieldError(error, field);
  const isShown = (field: string) => /^levels(\.\d+(\.(level|code|comment))?)?$/.test(field) || field === 'verdict' || field === 'comment';

  return (
    <form className="card briefs-card" noValidate aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h2 id={titleId}>{t('form.reviewTitle')}</h2>
      {problem('levels') && (
        <p className="field__error" role="alert">
          {problem('levels')}
        </p>
      )}
      {competencies.map((competency, index) => (
        <CompetencyLevel
          key={competency.code}
          competency={competency}
          level={draft.levels[competency.code]}
          comment={draft.comments[competency.code] ?? ''}
          error={problem(`levels.${index}.level`) ?? problem(`levels.${index}.code`)}
          commentError={problem(`levels.${index}.comment`)}
          onLevel={(level) => setDraft({ ...draft, levels: { ...draft.levels, [competency.code]: level } })}
          onComment={(comment) => setDraft({ ...draft, comments: { ...draft.comments, [competency.code]: comment } })}
        />
      ))}
      <Choices legend={t('form.verdict')} hint={t('form.verdictHint')} error={problem('verdict')}>
        {(['validated', 'to_redo'] as const).map((verdict) => (
          <label key={verdict}>
            <input type="radio" name={`verdict-${submission.id}`} value={verdict} checked={draft.verdict === verdict} onChange={() => setDraft({ ...draft, verdict })} />
            {t(`form.verdicts.${verdict}`)}
          </label>
        ))}
      </Choices>
      <Field label={t('form.reviewComment')} error={fieldError(error, 'comment')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={3} maxLength={10_000} value={draft.comment} onChange={(event) => setDraft({ ...draft, comment: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {!shownByFields(error, isShown) && <FormError error={error} />}
      <button type="submit" className="button" disabled={saving}>
        {saving ? t('form.saving') : t('form.saveReview')}
      </button>
    </form>
  );
}

function CompetencyLevel(props: {
  competency: TargetedCompetency;
  level: number | undefined;
  comment: string;
  error?: string;
  commentError?: string;
  onLevel: (level: number) => void;
  onComment: (comment: string) => void;
}) {
  const { t } = useTranslation('briefs');
  const { competency } = props;
  return (
    <Choices
      legend={`${competency.code} · ${competency.title}`}
      hint={t('brief.expected', { level: competency.expectedLevel, name: t(`level.${competency.expectedLevel}`) })}
      error={props.error}
      after={
        <Field label={t('form.levelComment', { code: competency.code })} error={props.commentError}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={2} maxLength={10_000} value={props.comment} onChange={(event) => props.onComment(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
      }
    >
      {LEVELS.map((level) => (
        <label key={level}>
          <input type="radio" name={`level-${competency.code}`} value={level} checked={props.level === level} onChange={() => props.onLevel(level)} />
          {t('form.levelChoice', { level, name: t(`level.${level}`) })}
        </label>
      ))}
    </Choices>
  );
}

/** A group of radio buttons with its legend, hint and error, linked for screen readers like a Field. */
function Choices(props: { legend: string; hint?: string; error?: string; children: ReactNode; after?: ReactNode }) {
  const id = useId();
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={props.error ? 'briefs-group briefs-group--invalid' : 'briefs-group'} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div className="briefs-choices">{props.children}</div>
      {props.error && (
        <p className="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.after}
    </fieldset>
  );
}
