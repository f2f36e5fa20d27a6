/**
 * The largest file an import reads (issue 10: "> 20 MB" refused before it is read). A module of its
 * own: the message schemas (lib/messages/corpusWrites.ts), which every content script loads with
 * the registry, need the number without the import's worded errors (./limits.ts).
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
