import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from './storedLanguage';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted; the switch still works for this page view
  }
}

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** The UI language, also sent to the API as Accept-Language. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

/** BCP 47 locale for Intl formatting of the current language. */
export function currentLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'id-ID';
}

export { i18n };
