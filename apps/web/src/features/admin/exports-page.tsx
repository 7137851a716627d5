import { useMutation } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { ApiError } from '../../api/api-error';
import type { Cohort } from './admin-api';
import { CohortSelect, useSelectedCohort } from './cohort-select';

/** CSV exports of a cohort: the month's attendance for funders, and the competency matrix. */
export function ExportsPage({ me }: { me: Me }) {
  const { t } = useTranslation('admin');
  const { cohortId, cohort, select } = useSelectedCohort();
  return (
    <section className="admin-screen" aria-labelledby="exports-title">
      <h1 id="exports-title">{t('exports.title')}</h1>
      <p>{t('exports.intro')}</p>
      <CohortSelect value={cohortId} onChange={select} />
      {cohort && (
        <>
          <AttendanceExport key={`attendance-${cohort.id}`} cohort={cohort} zone={me.timeZone} />
          <MatrixExport key={`matrix-${cohort.id}`} cohort={cohort} />
        </>
      )}
    </section>
  );
}

function AttendanceExport({ cohort, zone }: { cohort: Cohort; zone: string }) {
  const { t } = useTranslation('admin');
  // The month under way where the admin is: the one usually sent to funders at its end.
  const [month, setMonth] = useState(() => DateTime.now().setZone(zone).toFormat('yyyy-MM'));
  const fetchCsv = useMutation({
    mutationFn: (chosen: string) => downloadFile(`/api/cohorts/${cohort.id}/attendance.csv?month=${encodeURIComponent(chosen)}`),
  });
  const monthError = fetchCsv.error instanceof ApiError && fetchCsv.error.fieldError('month') ? t('exports.errors.month') : undefined;
  return (
    <section className="card" aria-labelledby="export-attendance-title">
      <h2 id="export-attendance-title">{t('exports.attendance.title')}</h2>
      <p>{t('exports.attendance.contents')}</p>
      <Field label={t('exports.attendance.month')} hint={t('exports.attendance.monthHint')} error={monthError}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="month"
            value={month}
            onChange={(event) => {
              setMonth(event.target.value);
              fetchCsv.reset();
            }}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <FormError error={monthError ? null : fetchCsv.error} />
      <button type="button" className="button" disabled={fetchCsv.isPending} onClick={() => fetchCsv.mutate(month)}>
        {fetchCsv.isPending ? t('exports.downloading') : t('exports.attendance.download')}
      </button>
    </section>
  );
}

function MatrixExport({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('admin');
  const fetchCsv = useMutation({
    mutationFn: () => downloadFile(`/api/cohorts/${cohort.id}/competency-matrix/csv`),
  });
  return (
    <section className="card" aria-labelledby="export-matrix-title">
      <h2 id="export-matrix-title">{t('exports.matrix.title')}</h2>
      <p>{t('exports.matrix.contents')}</p>
      <FormError error={fetchCsv.error} />
      <button type="button" className="button" disabled={fetchCsv.isPending} onClick={() => fetchCsv.mutate()}>
        {fetchCsv.isPending ? t('exports.downloading') : t('exports.matrix.download')}
      </button>
    </section>
  );
}
