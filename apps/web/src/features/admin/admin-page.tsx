import './messages'; // this feature's texts, loaded with it
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes } from 'react-router';
import type { Me } from '../../auth/use-me';
import './admin.css';
import { CohortsPage } from './cohorts-page';
import { ExportsPage } from './exports-page';
import { RosterImportPage } from './roster-import-page';
import { SitesPage } from './sites-page';
import { YearPlannerPage } from './year-planner-page';

/** The admin's tools, one screen each; the order is the order of a cohort's setup. */
const TOOLS = [
  { path: 'sites', key: 'sites' },
  { path: 'cohorts', key: 'cohorts' },
  { path: 'roster', key: 'roster' },
  { path: 'year-planner', key: 'planner' },
  { path: 'exports', key: 'exports' },
] as const;

/** /administration/*: the admin screens, with their own navigation. Only admins reach it (app.tsx). */
export function AdminPage({ me }: { me: Me }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <nav aria-label={t('sections')} className="admin-nav">
        <ul>
          <li>
            <NavLink to="/administration" end>
              {t('home')}
            </NavLink>
          </li>
          {TOOLS.map((tool) => (
            <li key={tool.path}>
              <NavLink to={`/administration/${tool.path}`}>{t(`${tool.key}.title`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="sites" element={<SitesPage />} />
        <Route path="cohorts" element={<CohortsPage me={me} />} />
        <Route path="roster" element={<RosterImportPage />} />
        <Route path="year-planner" element={<YearPlannerPage me={me} />} />
        <Route path="exports" element={<ExportsPage me={me} />} />
        <Route path="*" element={<Navigate to="/administration" replace />} />
      </Routes>
    </>
  );
}

function AdminHome() {
  const { t } = useTranslation('admin');
  return (
    <section className="admin-screen" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('title')}</h1>
      <ul className="admin-tools">
        {TOOLS.map((tool) => (
          <li key={tool.path} className="card">
            <h2>
              <Link to={`/administration/${tool.path}`}>{t(`${tool.key}.title`)}</Link>
            </h2>
            <p>{t(`${tool.key}.summary`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
