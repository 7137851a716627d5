import { DateTime } from 'luxon';
import { i18n } from '../i18n';

/** Dates are shown in the user's own time zone (their account's), in the language of the app. */
export function formatDate(iso: string, zone: string, format: 'day' | 'dayTime' = 'day'): string {
  const date = iso.length === 10 ? DateTime.fromISO(iso, { zone }) : DateTime.fromISO(iso).setZone(zone);
  return date.setLocale(i18n.language).toLocaleString(format === 'day' ? DateTime.DATE_HUGE : { ...DateTime.DATETIME_MED_WITH_WEEKDAY });
}

export function minutesSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
}
