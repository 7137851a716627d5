import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';

export function CheckInPage({ me }: { me: Me }) {
  const { t } = useTranslation('attendance');
  return (
    <section aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('title')}</h1>
      <p>{me.displayName}</p>
    </section>
  );
}
