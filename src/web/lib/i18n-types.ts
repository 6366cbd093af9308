import type sharedHe from '../../shared/locales/he.json';
import type he from '../locales/he.json';

// Module augmentation must use `interface`: it merges with i18next's own declaration and makes
// every t() key checked at compile time against the Hebrew catalogs (the source of truth).
declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation merges only with an interface
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof he;
      shared: typeof sharedHe;
    };
    returnNull: false;
  }
}
