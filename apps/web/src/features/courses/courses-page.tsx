import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';

export function CoursesPage({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  return (
    <section aria-labelledby="courses-title">
      <h1 id="courses-title">{t('title')}</h1>
      <p>{me.displayName}</p>
    </section>
  );
}
