export const LANGUAGE_STORAGE_KEY = 'simpul.language';

/** The language chosen on an earlier visit; Bahasa Indonesia unless English was chosen. */
export function storedLanguage(): 'id' | 'en' {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id'; // storage may be blocked; Bahasa Indonesia is the default anyway
  }
}
