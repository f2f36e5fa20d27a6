/**
 * Whether a team server is connected (issue 21), as one boolean in storage.local: the card frame
 * asks the worker for the team's part of a card only when one is, so with no server configured a
 * card costs the worker no message (a card the frame already holds then wakes no sleeping worker),
 * and every open frame hears a connect or a disconnect at once. Only the boolean: the address and
 * the token stay in the worker's store (platform/teamStore.ts), out of content scripts' reach.
 */
import { browser } from 'wxt/browser';

export const TEAM_FLAG_KEY = 'counterpoint:team-connected';

/** Written by the worker when a server is connected or disconnected. */
export async function announceTeam(connected: boolean): Promise<void> {
  await browser.storage.local.set({ [TEAM_FLAG_KEY]: connected });
}

/** Calls back with the flag now (undefined: never written — ask the worker) and on every change. Returns the unsubscribe function. */
export function watchTeamFlag(callback: (connected: boolean | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && TEAM_FLAG_KEY in changes) callback(changes[TEAM_FLAG_KEY]?.newValue === true);
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(TEAM_FLAG_KEY).then(
    (got) => {
      const v: unknown = got[TEAM_FLAG_KEY];
      callback(typeof v === 'boolean' ? v : undefined);
    },
    () => callback(undefined),
  );
  return () => browser.storage.onChanged.removeListener(listener);
}
