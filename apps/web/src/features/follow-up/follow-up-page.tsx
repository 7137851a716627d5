import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';

export function FollowUpPage({ me }: { me: Me }) {
  const { t } = useTranslation('followUp');
  return (
    <section aria-labelledby="follow-up-title">
      <h1 id="follow-up-title">{t('title')}</h1>
      <p>{me.displayName}</p>
    </section>
  );
}
