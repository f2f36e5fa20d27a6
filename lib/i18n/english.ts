/**
 * The English translator: the default of every function that words the interface (so a caller
 * that passes no translator, a unit test for one, gets the reference text) and of the components'
 * i18n context. English is the default locale (`default_locale` in the manifest).
 */
import en from '../../public/_locales/en/messages.json';
import type { MessageKey, T } from './keys';
import { makeTranslator } from './translate';

// Pure: a bundle that imports this module and never words with ENGLISH leaves the table out.
export const ENGLISH: T = /* @__PURE__ */ makeTranslator<MessageKey>('en', en);
