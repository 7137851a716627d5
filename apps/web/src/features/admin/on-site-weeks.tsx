import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { useCohortCalendar } from './admin-api';

/** The cohort's on-site weeks as committed: what the learners will see in "my week" and their calendars. */
export function OnSiteWeeks({ cohortId, zone }: { cohortId: string; zone: string }) {
  const { t } = useTranslation('admin');
  const calendar = useCohortCalendar(cohortId);
  const weeks = calendar.data?.filter((week) => week.kind === 'presential') ?? [];
  return (
    <section className="card" aria-labelledby="on-site-title">
      <h2 id="on-site-title">{t('onSite.title')}</h2>
      {calendar.isPending && <p>{t('loading')}</p>}
      <FormError error={calendar.error} />
      {calendar.data && weeks.length === 0 && <p>{t('onSite.none')}</p>}
      {weeks.length > 0 && (
        <ul className="admin-weeks">
          {weeks.map((week) => (
            <li key={week.monday} className="admin-week">
              <strong>{t('preview.week', { date: formatDate(week.monday, zone), week: week.isoWeek })}</strong>
              <br />
              {t('onSite.where', { room: week.room?.name ?? '', site: week.site?.name ?? '' })}
              {week.facilitators && week.facilitators.length > 0 && (
                <>
                  <br />
                  {t('onSite.with', { names: week.facilitators.map((facilitator) => facilitator.displayName).join(', ') })}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
