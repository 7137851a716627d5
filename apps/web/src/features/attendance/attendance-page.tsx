import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';

export function AttendancePage({ me }: { me: Me }) {
  const { t } = useTranslation('attendance');
  return (
    <section aria-labelledby="attendance-title">
      <h1 id="attendance-title">{t('title')}</h1>
      <p>{me.displayName}</p>
    </section>
  );
}
