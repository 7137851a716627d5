import './messages'; // this feature's texts, loaded with it
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { useAttendanceCohorts } from './cohort-choices';
import { MarkingScreen } from './marking-screen';
import './attendance.css';

/** /attendance: a facilitator (or an admin) takes the attendance of an on-site half-day and exports the month. */
export function AttendancePage({ me }: { me: Me }) {
  const { t } = useTranslation('attendance');
  const { cohorts, pending, error } = useAttendanceCohorts(me);
  return (
    <section aria-labelledby="attendance-title">
      <h1 id="attendance-title">{t('title')}</h1>
      {pending && <p role="status">{t('loading')}</p>}
      <FormError error={error} />
      {!pending && !error && cohorts.length === 0 && (
        <p>
          {t('refused')} <Link to="/check-in">{t('refusedLink')}</Link>.
        </p>
      )}
      {cohorts.length > 0 && <MarkingScreen me={me} cohorts={cohorts} />}
    </section>
  );
}
