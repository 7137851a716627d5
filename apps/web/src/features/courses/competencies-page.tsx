import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';

export function CompetenciesPage({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  return (
    <section aria-labelledby="competencies-title">
      <h1 id="competencies-title">{t('title')}</h1>
      <p>{me.displayName}</p>
    </section>
  );
}
