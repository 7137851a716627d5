import type { TFunction } from 'i18next';

/** "45 min", "2 h", "1 h 30": how long the authors estimate a resource or a module takes. */
export function formatDuration(t: TFunction<'courses'>, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { minutes: rest });
  if (rest === 0) return t('duration.hours', { hours });
  return t('duration.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}
