/**
 * The interface's message keys, typed from the English messages (the default locale, and the
 * reference every other locale is checked against by lib/i18n/locales.test.ts). A type-only
 * import of data: nothing of public/ is bundled from here.
 */
import type en from '../../public/_locales/en/messages.json';
import type { Translator } from './translate';

export type MessageKey = keyof typeof en;
/** The typed translator the pages and components use. */
export type T = Translator<MessageKey>;
