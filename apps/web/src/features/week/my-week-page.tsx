import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';

interface CalendarWeek {
  monday: string;
  kind: 'presential' | 'distance' | 'internship' | 'holiday';
  agenda?: string;
  site?: { id: string; name: string; address: string };
  room?: { id: string; name: string };
}

interface MyWeek {
  cohortId: string;
  cohortName: string;
  role: string;
  date: string;
  week: CalendarWeek | null;
  nextOnSiteWeek: CalendarWeek | null;
  toStudy: { assignmentId: string; moduleTitle: string; courseTitle: string; mode: 'prepare_before_onsite' | 'during_distance'; dueOn: string; resources: number; done: number; estimatedMinutes: number }[];
  dueThisWeek: { assignmentId: string; briefId: string; title: string; dueAt: string; submitted: boolean }[];
}

/** "My week": per cohort, on site or at home (where and when), what is due, what to study, the next on-site week. */
export function MyWeekPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const weeks = useQuery({ queryKey: ['me', 'week'], queryFn: () => api<MyWeek[]>('/api/me/week') });
  const zone = me.timeZone;
  return (
    <section aria-labelledby="week-title">
      <h1 id="week-title">{t('week.title')}</h1>
      {weeks.isPending && <p>{t('app.loading')}</p>}
      <FormError error={weeks.error} />
      {weeks.data?.length === 0 && <p>{t('week.none')}</p>}
      {weeks.data?.map((week) => (
        <article key={week.cohortId} className="card" aria-labelledby={`cohort-${week.cohortId}`}>
          <h2 id={`cohort-${week.cohortId}`}>{week.cohortName}</h2>
          {week.week && (
            <p className={`week-kind week-kind--${week.week.kind}`}>
              <strong>{t(`week.kind.${week.week.kind}`)}</strong> · {t('week.weekOf', { date: formatDate(week.week.monday, zone) })}
            </p>
          )}
          {week.week?.kind === 'presential' && week.week.site && <p>{t('week.where', { site: week.week.site.name, address: week.week.site.address })}</p>}
          {week.week?.kind === 'presential' && week.week.room && <p>{t('week.room', { room: week.week.room.name })}</p>}
          {week.week?.kind === 'distance' && <p>{t('week.atHome')}</p>}

          <h3>{t('week.due')}</h3>
          {week.dueThisWeek.length === 0 ? (
            <p>{t('week.nothingDue')}</p>
          ) : (
            <ul>
              {week.dueThisWeek.map((due) => (
                <li key={due.assignmentId}>
                  <Link to={`/briefs/assignments/${due.assignmentId}`}>{due.title}</Link> — {t('week.dueAt', { date: formatDate(due.dueAt, zone, 'dayTime') })}
                  {due.submitted && <span className="badge">{t('week.submitted')}</span>}
                </li>
              ))}
            </ul>
          )}

          <h3>{t('week.toStudy')}</h3>
          {week.toStudy.length === 0 ? (
            <p>{t('week.nothingToStudy')}</p>
          ) : (
            <ul>
              {week.toStudy.map((item) => (
                <li key={item.assignmentId}>
                  <strong>{item.moduleTitle}</strong> ({item.courseTitle}){item.mode === 'prepare_before_onsite' && ` — ${t('week.prepare')}`}
                  <br />
                  <progress max={item.resources} value={item.done} aria-label={item.moduleTitle} />{' '}
                  {t('week.progress', { done: item.done, total: item.resources, minutes: item.estimatedMinutes })}
                </li>
              ))}
            </ul>
          )}

          <p>
            {week.nextOnSiteWeek
              ? t('week.nextOnSite', { date: formatDate(week.nextOnSiteWeek.monday, zone), site: week.nextOnSiteWeek.site?.name ?? '' })
              : t('week.noNextOnSite')}
          </p>
        </article>
      ))}
    </section>
  );
}
