import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages as admin } from '../features/admin/messages';
import { messages as attendance } from '../features/attendance/messages';
import { messages as briefs } from '../features/briefs/messages';
import { messages as courses } from '../features/courses/messages';
import { messages as followUp } from '../features/follow-up/messages';
import { messages as liveHelp } from '../features/live-help/messages';
import { messages as preferences } from '../features/preferences/messages';
import { messages as threads } from '../features/threads/messages';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
/** Each feature folder that keeps its own texts (features/<feature>/messages.ts) is a namespace. */
const NAMESPACES = { admin, attendance, briefs, courses, followUp, liveHelp, preferences, threads };
export type Language = (typeof LANGUAGES)[number];
const STORED = 'fabrique.language';

/** French unless the user chose English (their account's locale, or this browser's last choice). */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  return stored === 'en' ? 'en' : 'fr';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORED, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      {
        translation: { fr, en }[language],
        ...Object.fromEntries(Object.entries(NAMESPACES).map(([name, texts]) => [name, texts[language]])),
      },
    ]),
  ),
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = initialLanguage();

export { i18n };
