import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export interface MyCohort {
  id: string;
  name: string;
  role: 'learner' | 'facilitator';
  trackId: string;
  homeSiteId: string | null;
  startsOn: string;
  endsOn: string;
  fullyRemote: boolean;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'en';
  timeZone: string;
  isAdmin: boolean;
  cohorts: MyCohort[];
}

/** The signed-in user, their cohorts and roles: read once, shared by every screen. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/me'), staleTime: 60_000 });
}

export const learnerCohorts = (me: Me) => me.cohorts.filter((cohort) => cohort.role === 'learner');
export const facilitatedCohorts = (me: Me) => me.cohorts.filter((cohort) => cohort.role === 'facilitator');
