import { useQuery } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { api } from './api/client';
import { session } from './api/session-store';
import { facilitatedCohorts, learnerCohorts, type Me, useMe } from './auth/use-me';
import { AcceptInvitationPage } from './features/invitations/accept-invitation-page';
import { SignInPage } from './features/sign-in/sign-in-page';
import { rememberLanguage } from './i18n';
import { live } from './live/live-client';
import { FormError } from './ui/error-message';
import { Layout } from './ui/layout';

type Page = ComponentType<{ me: Me }>;

/** A screen loaded with its route: each feature is its own chunk, so a phone downloads only what it opens. */
function page(load: () => Promise<Record<string, unknown>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] as Page }));
}

const MyWeekPage = page(() => import('./features/week/my-week-page'), 'MyWeekPage');
const CoursesPage = page(() => import('./features/courses/courses-page'), 'CoursesPage');
const CompetenciesPage = page(() => import('./features/courses/competencies-page'), 'CompetenciesPage');
const BriefsPage = page(() => import('./features/briefs/briefs-page'), 'BriefsPage');
const ReviewsPage = page(() => import('./features/briefs/reviews-page'), 'ReviewsPage');
const ThreadsPage = page(() => import('./features/threads/threads-page'), 'ThreadsPage');
const LearnerHelpPage = page(() => import('./features/live-help/learner-help-page'), 'LearnerHelpPage');
const FacilitatorConsolePage = page(() => import('./features/live-help/facilitator-console-page'), 'FacilitatorConsolePage');
const FollowUpPage = page(() => import('./features/follow-up/follow-up-page'), 'FollowUpPage');
const AttendancePage = page(() => import('./features/attendance/attendance-page'), 'AttendancePage');
const CheckInPage = page(() => import('./features/attendance/check-in-page'), 'CheckInPage');
const InboxPage = page(() => import('./features/notifications/inbox-page'), 'InboxPage');
const PreferencesPage = page(() => import('./features/preferences/preferences-page'), 'PreferencesPage');
const AdminPage = page(() => import('./features/admin/admin-page'), 'AdminPage');

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
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <Routes>
          <Route path="/me/week" element={<MyWeekPage me={user} />} />
          <Route path="/courses/*" element={<CoursesPage me={user} />} />
          <Route path="/competencies/*" element={<CompetenciesPage me={user} />} />
          <Route path="/briefs/*" element={<BriefsPage me={user} />} />
          <Route path="/reviews/*" element={<ReviewsPage me={user} />} />
          <Route path="/threads/*" element={<ThreadsPage me={user} />} />
          <Route path="/help" element={<LearnerHelpPage me={user} />} />
          <Route path="/console" element={<FacilitatorConsolePage me={user} />} />
          <Route path="/follow-up" element={<FollowUpPage me={user} />} />
          <Route path="/attendance/*" element={<AttendancePage me={user} />} />
          <Route path="/check-in" element={<CheckInPage me={user} />} />
          <Route path="/me/notifications" element={<InboxPage me={user} />} />
          <Route path="/me/notification-preferences" element={<PreferencesPage me={user} />} />
          {user.isAdmin && <Route path="/administration/*" element={<AdminPage me={user} />} />}
          <Route path="*" element={<Navigate to={home(user)} replace />} />
        </Routes>
      </Suspense>
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
