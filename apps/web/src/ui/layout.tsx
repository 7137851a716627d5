import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { signOut } from '../api/client';
import { facilitatedCohorts, learnerCohorts, type Me } from '../auth/use-me';
import { LANGUAGES, type Language, rememberLanguage } from '../i18n';
import { live } from '../live/live-client';
import { useLiveStatus } from '../live/use-live';

/** A banner while the live connection is down, and a short "restored" once it is back. */
function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let wasOffline = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = live.on('status', (next) => {
      if (next === 'offline') {
        wasOffline = true;
        setRestored(false);
      } else if (next === 'online' && wasOffline) {
        wasOffline = false;
        setRestored(true);
        clearTimeout(timer);
        timer = setTimeout(() => setRestored(false), 4_000);
      }
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
  if (status === 'offline')
    return (
      <div className="banner banner--offline" role="status" aria-live="polite">
        {t('connection.offline')}
      </div>
    );
  if (restored)
    return (
      <div className="banner banner--online" role="status" aria-live="polite">
        {t('connection.back')}
      </div>
    );
  return null;
}

export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // On a phone the links fold behind a Menu button; following one of them folds them again.
  const [menuOpen, setMenuOpen] = useState(false);
  const learner = learnerCohorts(me).length > 0;
  const facilitator = facilitatedCohorts(me).length > 0;
  const links = [
    learner && { to: '/me/week', label: t('nav.week') },
    learner && { to: '/courses', label: t('nav.courses') },
    learner && { to: '/briefs', label: t('nav.briefs') },
    (learner || facilitator) && { to: '/competencies', label: t('nav.competencies') },
    (learner || facilitator) && { to: '/threads', label: t('nav.threads') },
    learner && { to: '/help', label: t('nav.help') },
    learner && { to: '/check-in', label: t('nav.checkIn') },
    (facilitator || me.isAdmin) && { to: '/console', label: t('nav.console') },
    facilitator && { to: '/reviews', label: t('nav.reviews') },
    facilitator && { to: '/follow-up', label: t('nav.followUp') },
    (facilitator || me.isAdmin) && { to: '/attendance', label: t('nav.attendance') },
    me.isAdmin && { to: '/administration', label: t('nav.admin') },
    { to: '/me/notifications', label: t('nav.inbox') },
    { to: '/me/notification-preferences', label: t('nav.preferences') },
  ].filter((link): link is { to: string; label: string } => Boolean(link));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <button type="button" className="button button--quiet topbar__menu" aria-expanded={menuOpen} aria-controls="main-links" onClick={() => setMenuOpen(!menuOpen)}>
            {t('nav.menu')}
          </button>
          <ul id="main-links" className={menuOpen ? 'topbar__links topbar__links--open' : 'topbar__links'}>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} onClick={() => setMenuOpen(false)}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__tools">
          <label className="visually-hidden" htmlFor="language">
            {t('app.language')}
          </label>
          <select id="language" value={i18n.language} onChange={(event) => rememberLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
          <span className="topbar__user">{me.displayName}</span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              void signOut().then(() => queryClient.clear());
            }}
          >
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
