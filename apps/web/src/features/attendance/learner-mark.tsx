import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { markProblem } from './mark-errors';
import { dayKey } from './queries';
import { type AttendanceDay, type AttendanceStatus, type HalfDay, type LearnerDay, type MarkResult, STATUSES } from './types';

/**
 * One learner's status for the half-day, saved on its own. A status already recorded is evidence:
 * changing it is a correction, which the API takes only with a reason.
 */
export function LearnerMark({ cohortId, date, halfDay, learner, zone }: { cohortId: string; date: string; halfDay: HalfDay; learner: LearnerDay; zone: string }) {
  const { t } = useTranslation('attendance');
  const queryClient = useQueryClient();
  const legendId = useId();
  const current = learner[halfDay];
  // Untouched, the choice follows the record, which is refreshed while a check-in code is shown.
  const [choice, setChoice] = useState<AttendanceStatus | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingReason, setMissingReason] = useState(false);
  const [saved, setSaved] = useState<AttendanceStatus | null>(null);
  const shown = choice ?? current?.status ?? null;
  const changed = choice !== null && choice !== current?.status;
  const correction = changed && current !== null;

  if (!learner.isLearner) {
    return (
      <li className="card attendance-learner">
        <h3 className="attendance-learner__name">{learner.displayName}</h3>
        <p>
          {current ? t(`status.${current.status}`) : t('mark.none')} · {t('mark.formerLearner')}
        </p>
      </li>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    if (correction && !reason.trim()) {
      setMissingReason(true);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const result = await api<MarkResult>(`/api/cohorts/${cohortId}/attendance`, {
        method: 'POST',
        body: { date, halfDay, marks: [{ learnerId: learner.userId, status: choice, ...(correction ? { reason: reason.trim() } : {}) }] },
      });
      const mark = result.marks[0]?.mark ?? null;
      queryClient.setQueryData<AttendanceDay>(dayKey(cohortId, date), (day) =>
        day && { ...day, learners: day.learners.map((other) => (other.userId === learner.userId ? { ...other, [halfDay]: mark } : other)) },
      );
      void queryClient.invalidateQueries({ queryKey: dayKey(cohortId, date) });
      setSaved(choice);
      setChoice(null);
      setReason('');
      setMissingReason(false);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  const reasonError = missingReason ? t('mark.reasonRequired') : error instanceof ApiError && error.fieldError('marks.0.reason') ? t('mark.reasonRequired') : undefined;
  const problem = markProblem(error, t);
  const pick = (status: AttendanceStatus) => {
    setChoice(status);
    setSaved(null);
    setError(null);
  };

  return (
    <li className="card attendance-learner">
      <form noValidate onSubmit={(event) => void save(event)}>
        <fieldset className="attendance-group" aria-labelledby={legendId}>
          <legend id={legendId} className="attendance-learner__name">
            {learner.displayName}
          </legend>
          <div className="attendance-choices">
            {STATUSES.map((status) => (
              <label key={status}>
                <input type="radio" name={`status-${learner.userId}`} value={status} checked={shown === status} onChange={() => pick(status)} />
                {t(`status.${status}`)}
              </label>
            ))}
          </div>
          <p className="attendance-meta">
            {!current && t('mark.none')}
            {current?.source === 'check_in' && t('mark.byCheckIn', { date: formatDate(current.recordedAt, zone, 'dayTime') })}
            {current?.source === 'facilitator' && t('mark.byFacilitator', { name: current.recordedBy.displayName, date: formatDate(current.recordedAt, zone, 'dayTime') })}
          </p>
          {correction && (
            <Field label={t('mark.reason')} hint={t('mark.reasonHint')} error={reasonError}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  value={reason}
                  maxLength={500}
                  onChange={(event) => {
                    setReason(event.target.value);
                    setMissingReason(false);
                  }}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          )}
          {problem ? (
            <p className="form-error" role="alert">
              {problem}
            </p>
          ) : (
            !reasonError && <FormError error={error} />
          )}
          <div className="attendance-actions">
            <button type="submit" className="button" disabled={!changed || saving}>
              {saving ? t('mark.saving') : t('mark.save')}
            </button>
            <p role="status" className="attendance-saved">
              {saved && t('mark.saved', { status: t(`status.${saved}`) })}
            </p>
          </div>
        </fieldset>
      </form>
    </li>
  );
}
