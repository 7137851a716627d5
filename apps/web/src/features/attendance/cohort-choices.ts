import { useQuery } from '@tanstack/react-query';
import { facilitatedCohorts, type Me } from '../../auth/use-me';
import { allCohortsKey, fetchAllCohorts } from './queries';
import type { CohortChoice } from './types';

/**
 * The cohorts whose attendance this user keeps: the ones they facilitate; every cohort for an
 * admin, who exports attendance for funders (the API lets both mark and export).
 */
export function useAttendanceCohorts(me: Me): { cohorts: CohortChoice[]; pending: boolean; error: unknown } {
  const all = useQuery({ queryKey: allCohortsKey, queryFn: fetchAllCohorts, enabled: me.isAdmin });
  if (!me.isAdmin) return { cohorts: facilitatedCohorts(me), pending: false, error: null };
  return { cohorts: all.data ?? [], pending: all.isPending, error: all.error };
}
