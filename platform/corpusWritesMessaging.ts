/** The typed messenger of lib/messages/corpusWrites.ts (extension pages → background). */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CorpusWritesProtocol } from '../lib/messages/corpusWrites';

export const corpusWritesMessenger = defineExtensionMessaging<CorpusWritesProtocol>({ logger: undefined });
