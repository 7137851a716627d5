import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages as admin } from '../features/admin/messages';
import { messages as briefs } from '../features/briefs/messages';
import { messages as preferences } from '../features/preferences/messages';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
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
  // One namespace per feature folder that keeps its own texts (features/<feature>/messages.ts).
  resources: {
    fr: { translation: fr, admin: admin.fr, briefs: briefs.fr, preferences: preferences.fr },
    en: { translation: en, admin: admin.en, briefs: briefs.en, preferences: preferences.en },
  },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = initialLanguage();

export { i18n };
