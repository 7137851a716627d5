import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { downloadFile } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { monthsOf, today } from './on-site-days';
import type { CohortChoice } from './types';

/** The month's attendance as the CSV funders ask for. */
export function AttendanceExport({ cohort, zone }: { cohort: CohortChoice; zone: string }) {
  const { t, i18n } = useTranslation('attendance');
  const months = monthsOf(cohort.startsOn, cohort.endsOn);
  const thisMonth = today(zone).slice(0, 7);
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen && months.includes(chosen) ? chosen : months.includes(thisMonth) ? thisMonth : (months.at(-1) as string);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const monthError = error instanceof ApiError ? error.fieldError('month') : undefined;

  const exportMonth = async () => {
    setDownloading(true);
    setError(null);
    try {
      await downloadFile(`/api/cohorts/${cohort.id}/attendance.csv?month=${month}`);
    } catch (cause) {
      setError(cause);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className="card attendance-export" aria-labelledby="attendance-export-title">
      <h2 id="attendance-export-title">{t('export.title')}</h2>
      <p className="field__hint">{t('export.hint')}</p>
      <Field label={t('export.month')} error={monthError}>
        {({ id, describedBy, invalid }) => (
          <select id={id} value={month} onChange={(event) => setChosen(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
            {months.map((option) => (
              <option key={option} value={option}>
                {DateTime.fromISO(`${option}-01`).setLocale(i18n.language).toFormat('LLLL yyyy')}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!monthError && <FormError error={error} />}
      <button type="button" className="button" onClick={() => void exportMonth()} disabled={downloading}>
        {downloading ? t('export.downloading') : t('export.download')}
      </button>
    </section>
  );
}
