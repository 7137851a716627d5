import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { api } from './api/client';
import { session } from './api/session-store';
import { facilitatedCohorts, learnerCohorts, type Me, useMe } from './auth/use-me';
import { AdminPage } from './features/admin/admin-page';
import { BriefsPage } from './features/briefs/briefs-page';
import { ReviewsPage } from './features/briefs/reviews-page';
import { LearnerHelpPage } from './features/live-help/learner-help-page';
import { FacilitatorConsolePage } from './features/live-help/facilitator-console-page';
import { AcceptInvitationPage } from './features/invitations/accept-invitation-page';
import { InboxPage } from './features/notifications/inbox-page';
import { SignInPage } from './features/sign-in/sign-in-page';
import { PreferencesPage } from './features/preferences/preferences-page';
import { MyWeekPage } from './features/week/my-week-page';
import { rememberLanguage } from './i18n';
import { live } from './live/live-client';
import { FormError } from './ui/error-message';
import { Layout } from './ui/layout';

function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(session.signedIn);
  useEffect(() => session.onChange(setSignedIn), []);
  return signedIn;
}

/** Where a user lands: their week as a learner, the queue as a facilitator, else the inbox. */
function home(me: Me): string {
  if (learnerCohorts(me).length > 0) return '/me/week';
  if (facilitatedCohorts(me).length > 0) return '/console';
  if (me.isAdmin) return '/administration';
  return '/me/notifications';
}

function SignedInApp() {
  const { t } = useTranslation();
  const me = useMe();
  const clientConfig = useQuery({ queryKey: ['client-config'], queryFn: () => api<{ realtimeUrl: string }>('/api/client-config'), staleTime: Infinity });
  useEffect(() => {
    if (!clientConfig.data) return;
    live.start(clientConfig.data.realtimeUrl);
    return () => live.stop();
  }, [clientConfig.data]);
  useEffect(() => {
    if (me.data && !localStorage.getItem('fabrique.language')) rememberLanguage(me.data.locale);
  }, [me.data]);

  if (me.error) return <FormError error={me.error} />;
  if (!me.data) return <p role="status">{t('app.loading')}</p>;
  const user = me.data;
  return (
    <Layout me={user}>
      <Routes>
        <Route path="/me/week" element={<MyWeekPage me={user} />} />
        <Route path="/help" element={<LearnerHelpPage me={user} />} />
        <Route path="/console" element={<FacilitatorConsolePage me={user} />} />
        <Route path="/me/notifications" element={<InboxPage me={user} />} />
        <Route path="/me/notification-preferences" element={<PreferencesPage />} />
        <Route path="/briefs/*" element={<BriefsPage me={user} />} />
        <Route path="/reviews/*" element={<ReviewsPage me={user} />} />
        {user.isAdmin && <Route path="/administration/*" element={<AdminPage me={user} />} />}
        <Route path="*" element={<Navigate to={home(user)} replace />} />
      </Routes>
    </Layout>
  );
}

export function App() {
  const signedIn = useSignedIn();
  const { pathname } = useLocation();
  // An invitation's link works signed in or not: it may be for another account than this browser's.
  if (pathname === '/invitations/accept') return <AcceptInvitationPage />;
  return signedIn ? <SignedInApp /> : <SignInPage />;
}
