/** An ASCII file name that every browser and mail client keeps as it is: "Promo Développeur web" → "promo-developpeur-web". */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The name of a cohort's CSV export: `presences-promo-dev-web-2026-11.csv`. */
export const csvFileName = (kind: string, cohortName: string, suffix?: string) => `${[kind, slug(cohortName) || 'promotion', suffix].filter(Boolean).join('-')}.csv`;
