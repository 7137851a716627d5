import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';
import { formatDate } from '../../ui/format';
import type { ModuleAssignment } from './types';

/** When the module is planned and due, and "late" once the due day has passed with resources left to do. */
export function ModuleDue({ assignment, me, finished }: { assignment: ModuleAssignment; me: Me; finished: boolean }) {
  const { t } = useTranslation('courses');
  const today = DateTime.now().setZone(me.timeZone).toISODate() ?? '';
  const late = !finished && assignment.dueOn < today;
  return (
    <p className="courses-meta">
      {t(`due.${assignment.mode}`, { week: assignment.week, date: formatDate(assignment.dueOn, me.timeZone) })}
      {late && <span className="badge courses-late">{t('due.late')}</span>}
    </p>
  );
}
