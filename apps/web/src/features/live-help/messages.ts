/** The live-help screens' newer texts (i18next namespace "liveHelp"): French first, English with the same keys. */
const fr = {
  publish: 'Publier en fil d’entraide',
};

const en: typeof fr = {
  publish: 'Publish as a peer-help thread',
};

export const messages = { fr, en };
