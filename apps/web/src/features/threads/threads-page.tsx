import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';

export function ThreadsPage({ me }: { me: Me }) {
  const { t } = useTranslation('threads');
  return (
    <section aria-labelledby="threads-title">
      <h1 id="threads-title">{t('title')}</h1>
      <p>{me.displayName}</p>
    </section>
  );
}
