import { useTranslation } from 'react-i18next';

/** Seconds as a facilitator reads a wait: "moins d’1 min", "12 min", "1 h 05 min"; a dash when there is none. */
export function useDuration(): (seconds: number | null) => string {
  const { t } = useTranslation('followUp');
  return (seconds) => {
    if (seconds == null) return t('duration.none');
    const minutes = Math.round(seconds / 60);
    if (minutes < 1) return t('duration.underMinute');
    if (minutes < 60) return t('duration.minutes', { minutes });
    return t('duration.hours', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
  };
}
