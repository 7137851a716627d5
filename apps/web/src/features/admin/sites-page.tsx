import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../ui/error-message';
import { type Site, useSites } from './admin-api';
import { SiteForm } from './site-form';
import { SiteRooms } from './site-rooms';

/** Sites and rooms: every site, then the chosen one (?site=…) with its rooms, or a form for a new one. */
export function SitesPage() {
  const { t } = useTranslation('admin');
  const sites = useSites();
  const [params, setParams] = useSearchParams();
  const siteId = params.get('site');
  const site = sites.data?.find((candidate) => candidate.id === siteId);
  return (
    <section className="admin-screen" aria-labelledby="sites-title">
      <h1 id="sites-title">{t('sites.title')}</h1>
      <p>{t('sites.intro')}</p>
      {sites.isPending && <p>{t('loading')}</p>}
      <FormError error={sites.error} />
      {sites.data && <SiteList sites={sites.data} selected={siteId} />}
      {site ? (
        <>
          <p>
            <Link to="/administration/sites">{t('sites.another')}</Link>
          </p>
          {/* A fresh form per site: its draft and errors belong to that site. */}
          <SiteForm key={site.id} site={site} onSaved={() => undefined} />
          <SiteRooms key={`rooms-${site.id}`} site={site} />
        </>
      ) : (
        // Once created, the new site opens: its rooms come next.
        <SiteForm onSaved={(created) => setParams({ site: created.id }, { replace: true })} />
      )}
    </section>
  );
}

function SiteList({ sites, selected }: { sites: Site[]; selected: string | null }) {
  const { t } = useTranslation('admin');
  return (
    <section className="card" aria-labelledby="site-list-title">
      <h2 id="site-list-title">{t('sites.listTitle')}</h2>
      {sites.length === 0 ? (
        <p>{t('sites.none')}</p>
      ) : (
        // Focusable so that a keyboard can scroll it on a narrow screen.
        <div className="admin-scroll" tabIndex={0} role="group" aria-label={t('sites.caption', { count: sites.length })}>
          <table>
            <caption className="visually-hidden">{t('sites.caption', { count: sites.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.name')}</th>
                <th scope="col">{t('sites.address')}</th>
                <th scope="col">{t('sites.timeZone')}</th>
                <th scope="col">{t('sites.rooms')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id}>
                  <th scope="row">
                    <Link to={`/administration/sites?site=${site.id}`} aria-current={site.id === selected ? 'page' : undefined}>
                      {site.name}
                    </Link>
                  </th>
                  <td className="admin-break">{site.address}</td>
                  <td>{site.timeZone.replaceAll('_', ' ')}</td>
                  <td>{site.rooms.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
