import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { type Cohort, useCohorts, useSites, useTracks } from './admin-api';
import { CohortForm } from './cohort-form';
import { CohortMembers } from './cohort-members';
import { useSelectedCohort } from './cohort-select';
import { InviteForm } from './invite-form';

/** Cohorts: every cohort, then the chosen one (?cohort=…) to edit and invite into, or a form for a new one. */
export function CohortsPage({ me }: { me: Me }) {
  const { t } = useTranslation('admin');
  const cohorts = useCohorts();
  const { cohortId, cohort, select } = useSelectedCohort();
  return (
    <section className="admin-screen" aria-labelledby="cohorts-title">
      <h1 id="cohorts-title">{t('cohorts.title')}</h1>
      <p>{t('cohorts.intro')}</p>
      {cohorts.isPending && <p>{t('loading')}</p>}
      <FormError error={cohorts.error} />
      {cohorts.data && <CohortList cohorts={cohorts.data} selected={cohortId} zone={me.timeZone} />}
      {cohort ? (
        <>
          <p>
            <Link to="/administration/cohorts">{t('cohorts.another')}</Link>
          </p>
          {/* A fresh form per cohort: its draft, its errors and its result belong to that cohort. */}
          <CohortForm key={cohort.id} cohort={cohort} onSaved={() => undefined} />
          <InviteForm key={`invite-${cohort.id}`} cohort={cohort} zone={me.timeZone} />
          <CohortMembers cohortId={cohort.id} />
        </>
      ) : (
        // Once created, the new cohort opens: inviting its people comes next.
        <CohortForm onSaved={(created) => select(created.id)} />
      )}
    </section>
  );
}

function CohortList({ cohorts, selected, zone }: { cohorts: Cohort[]; selected: string; zone: string }) {
  const { t } = useTranslation('admin');
  const tracks = useTracks();
  const sites = useSites();
  const trackName = (id: string) => tracks.data?.find((track) => track.id === id)?.name ?? '…';
  const siteName = (cohort: Cohort) => (cohort.homeSiteId ? (sites.data?.find((site) => site.id === cohort.homeSiteId)?.name ?? '…') : t('cohorts.noHomeSite'));
  return (
    <section className="card" aria-labelledby="cohort-list-title">
      <h2 id="cohort-list-title">{t('cohorts.listTitle')}</h2>
      <FormError error={tracks.error ?? sites.error} />
      {cohorts.length === 0 ? (
        <p>{t('cohort.none')}</p>
      ) : (
        // Focusable so that a keyboard can scroll it on a narrow screen.
        <div className="admin-scroll" tabIndex={0} role="group" aria-label={t('cohorts.caption', { count: cohorts.length })}>
          <table>
            <caption className="visually-hidden">{t('cohorts.caption', { count: cohorts.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.name')}</th>
                <th scope="col">{t('cohorts.track')}</th>
                <th scope="col">{t('cohorts.homeSite')}</th>
                <th scope="col">{t('cohorts.dates')}</th>
                <th scope="col">{t('cohorts.mode')}</th>
                <th scope="col">{t('cohorts.learners')}</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <th scope="row">
                    <Link to={`/administration/cohorts?cohort=${cohort.id}`} aria-current={cohort.id === selected ? 'page' : undefined}>
                      {cohort.name}
                    </Link>
                  </th>
                  <td>{trackName(cohort.trackId)}</td>
                  <td>{siteName(cohort)}</td>
                  <td>{t('cohorts.fromTo', { from: formatDate(cohort.startsOn, zone), to: formatDate(cohort.endsOn, zone) })}</td>
                  <td>{cohort.fullyRemote ? t('cohorts.remote') : t('cohorts.onSite')}</td>
                  <td>{t('cohorts.learnerCount', { count: cohort.learnerCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
