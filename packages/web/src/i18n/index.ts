import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id } from './id';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from './storedLanguage';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only Bahasa Indonesia, the default, ships with the app; English (~12 kB compressed, a
// tenth of a second on slow 4G) is fetched when chosen — see setLanguage().
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  lng: 'id',
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

/**
 * Switches the UI language, loading the English catalogue first if it is not here yet (the
 * page keeps its current language meanwhile, rather than showing English keys or a mix).
 */
export async function setLanguage(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en');
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

/**
 * Resolves once the language chosen on an earlier visit is ready: main.tsx renders after it,
 * so an English visitor never sees a flash of Indonesian.
 */
export const languageReady: Promise<void> =
  storedLanguage() === 'en'
    ? // Offline or a failed download: Indonesian for this page view, the choice still stored.
      setLanguage('en').catch(() => undefined)
    : Promise.resolve(applyLanguage('id'));

/** The UI language, also sent to the API as Accept-Language. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

/** BCP 47 locale for Intl formatting of the current language. */
export function currentLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'id-ID';
}

export { i18n };
