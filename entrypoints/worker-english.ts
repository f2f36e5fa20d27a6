/**
 * The English message table, as a script the worker loads on first use (platform/workerEnglish.ts
 * says why and how): wiring only.
 */
import en from '../public/_locales/en/messages.json';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideWorkerScript } from '../platform/workerScripts';

export default defineUnlistedScript(() => provideWorkerScript('worker-english.js', en));
