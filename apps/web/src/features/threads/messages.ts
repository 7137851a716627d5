/** The threads screens' texts (i18next namespace "threads"): French first, English with the same keys. */
const fr = {
  title: 'Entraide',
};

const en: typeof fr = {
  title: 'Peer help',
};

export const messages = { fr, en };
