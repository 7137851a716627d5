import { useSearchParams } from 'react-router';
import type { MyCohort } from '../../auth/use-me';

/**
 * Which of these cohorts the screen shows, kept in the address (?cohort=) so that a course page,
 * a reload or a shared link stays on the same cohort. The first one when the address names none of them.
 */
export function useCohortChoice(cohorts: readonly MyCohort[], param = 'cohort'): [MyCohort | null, (cohortId: string) => void] {
  const [params, setParams] = useSearchParams();
  const chosen = cohorts.find((cohort) => cohort.id === params.get(param)) ?? cohorts[0] ?? null;
  const choose = (cohortId: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(param, cohortId);
        return next;
      },
      { replace: true },
    );
  return [chosen, choose];
}
