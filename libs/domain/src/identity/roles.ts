/** Roles a user holds inside one cohort. `admin` is global and lives on the user. */
export const COHORT_ROLES = ['learner', 'facilitator'] as const;
export type CohortRole = (typeof COHORT_ROLES)[number];

export function isCohortRole(value: string): value is CohortRole {
  return (COHORT_ROLES as readonly string[]).includes(value);
}

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
