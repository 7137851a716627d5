import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The shapes the admin screens read (apps/api: cohorts, sites, rosters, calendar controllers). */
export interface Cohort {
  id: string;
  name: string;
  trackId: string;
  homeSiteId: string | null;
  startsOn: string;
  endsOn: string;
  fullyRemote: boolean;
  /** Its learners and facilitators, invited ones included. */
  learnerCount: number;
  facilitatorCount: number;
}

export interface Member {
  userId: string;
  displayName: string;
  role: 'learner' | 'facilitator';
  email?: string;
  active: boolean;
}

export interface Room {
  id: string;
  name: string;
  capacity: number;
}

export interface Site {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  rooms: Room[];
}

export interface Track {
  id: string;
  name: string;
}

/** What POST /api/cohorts/:id/invitations answers: the link to send when a new account was made. */
export interface InvitationOutcome {
  status: 'invited' | 'member_added' | 'unchanged';
  userId: string;
  email: string;
  role: Member['role'];
  acceptUrl?: string;
  expiresAt?: string;
}

export interface CalendarWeek {
  monday: string;
  isoWeek: string;
  kind: 'presential' | 'distance' | 'internship' | 'holiday';
  weekId?: string;
  agenda?: string;
  site?: { id: string; name: string; address: string };
  room?: { id: string; name: string };
  facilitators?: { userId: string; displayName: string }[];
}

export const adminKeys = {
  cohorts: ['admin', 'cohorts'] as const,
  sites: ['admin', 'sites'] as const,
  tracks: ['admin', 'tracks'] as const,
  members: (cohortId: string) => ['admin', 'members', cohortId] as const,
  calendar: (cohortId: string) => ['admin', 'calendar', cohortId] as const,
};

export function useCohorts() {
  return useQuery({
    queryKey: adminKeys.cohorts,
    // By name: an admin looks a cohort up by the name everyone uses for it.
    queryFn: async () => (await api<Cohort[]>('/api/cohorts')).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  });
}

export function useSites() {
  return useQuery({ queryKey: adminKeys.sites, queryFn: () => api<Site[]>('/api/sites') });
}

export function useTracks() {
  return useQuery({
    queryKey: adminKeys.tracks,
    queryFn: async () => (await api<Track[]>('/api/tracks')).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  });
}

export function useMembers(cohortId: string) {
  return useQuery({ queryKey: adminKeys.members(cohortId), queryFn: () => api<Member[]>(`/api/cohorts/${cohortId}/members`) });
}

export function useCohortCalendar(cohortId: string) {
  return useQuery({ queryKey: adminKeys.calendar(cohortId), queryFn: () => api<CalendarWeek[]>(`/api/cohorts/${cohortId}/calendar`) });
}
