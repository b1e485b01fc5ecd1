import 'i18next';
import type { Messages } from './id';

// Typed keys: `t('nav.hme')` is a compile error, and so is a key missing from either language.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
