/** The follow-up screens' texts (i18next namespace "followUp"): French first, English with the same keys. */
const fr = {
  title: 'Suivi de promo',
};

const en: typeof fr = {
  title: 'Cohort follow-up',
};

export const messages = { fr, en };
