import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/client';
import { FormError } from '../../ui/error-message';

/** The cohort grid as a CSV file, fetched with the session's token (a plain link would not carry it). */
export function CsvDownload({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('courses');
  const fetchCsv = useMutation({
    mutationFn: () => downloadFile(`/api/cohorts/${cohortId}/competency-matrix/csv`),
  });
  return (
    <div className="competencies-actions">
      <button type="button" className="button" disabled={fetchCsv.isPending} onClick={() => fetchCsv.mutate()}>
        {fetchCsv.isPending ? t('competencies.downloading') : t('competencies.download')}
      </button>
      <FormError error={fetchCsv.error} />
    </div>
  );
}
