import sharedEn from '../../shared/locales/en.json';
import en from '../locales/en.json';

/** The English catalogs, a chunk of their own: lib/i18n.ts loads it when English is chosen. */
export const catalogs = { translation: en, shared: sharedEn };
