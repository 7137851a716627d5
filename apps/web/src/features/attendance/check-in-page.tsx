import './messages'; // this feature's texts, loaded with it
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { learnerCohorts, type Me } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { checkInProblem } from './check-in-errors';
import type { CheckInResult } from './types';
import './attendance.css';

/** /check-in: on site, a learner types the code shown in the room and is recorded present for the half-day. */
export function CheckInPage({ me }: { me: Me }) {
  const { t } = useTranslation('attendance');
  const cohorts = learnerCohorts(me);
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? null);
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CheckInResult | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!cohortId) return;
    setSending(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<CheckInResult>(`/api/cohorts/${cohortId}/attendance/check-in`, { method: 'POST', body: { code } }));
      setCode('');
    } catch (cause) {
      setError(cause);
      // Back on the field, whose error is read out with it: the learner retypes the code straight away.
      if (checkInProblem(cause, t, me.timeZone).code) input.current?.focus();
    } finally {
      setSending(false);
    }
  };

  const problem = checkInProblem(error, t, me.timeZone);
  const when = result && t(`halfDayOf.${result.halfDay}`, { date: formatDate(result.date, me.timeZone) });
  return (
    <section aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('checkIn.title')}</h1>
      {cohorts.length === 0 ? (
        <p>{t('checkIn.noCohort')}</p>
      ) : (
        <form className="card attendance-check-in" noValidate onSubmit={(event) => void submit(event)}>
          <p>{t('checkIn.intro')}</p>
          <CohortPicker
            cohorts={cohorts}
            value={cohortId}
            onChange={(next) => {
              setCohortId(next);
              setError(null);
              setResult(null);
            }}
          />
          <Field label={t('checkIn.code')} hint={t('checkIn.codeHint')} error={problem.code}>
            {({ id, describedBy, invalid }) => (
              <input
                ref={input}
                id={id}
                className="attendance-check-in__code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          {problem.form ? (
            <p className="form-error" role="alert">
              {problem.form}
            </p>
          ) : (
            !problem.code && <FormError error={error} />
          )}
          <button type="submit" className="button" disabled={sending}>
            {sending ? t('checkIn.sending') : t('checkIn.submit')}
          </button>
          <p role="status" className="attendance-saved">
            {result && when && t(result.outcome === 'unchanged' ? 'checkIn.already' : 'checkIn.done', { when })}
          </p>
        </form>
      )}
    </section>
  );
}
