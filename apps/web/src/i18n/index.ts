import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = initialLanguage();

/**
 * A feature's own texts (features/<feature>/messages.ts), added as the namespace `name` when its
 * module loads: they travel in the feature's chunk instead of the first download.
 */
export function addMessages<T extends object>(name: string, messages: { fr: T; en: T }): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, name, messages[language], true, true);
}

export { i18n };
