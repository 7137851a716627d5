/** The attendance screens' texts (i18next namespace "attendance"): French first, English with the same keys. */
const fr = {
  title: 'Présences',
};

const en: typeof fr = {
  title: 'Attendance',
};

export const messages = { fr, en };
