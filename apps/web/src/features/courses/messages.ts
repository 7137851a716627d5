/** The courses screens' texts (i18next namespace "courses"): French first, English with the same keys. */
const fr = {
  title: 'Mes cours',
};

const en: typeof fr = {
  title: 'My courses',
};

export const messages = { fr, en };
