/**
 * A team server for end-to-end tests and the bench (issue 21): the server tests' harness
 * (server/test/harness.ts: a throwaway PostgreSQL cluster, migrated) listening on 127.0.0.1, with
 * tokens of two teams — Desk Iraq's writer and reader, Desk Syria's reader. Shared by team.e2e
 * (Chromium), firefox-team.e2e and bench/team-server.mjs.
 */
import type { AddressInfo } from 'node:net';
import { pasted, startHarness } from '../../server/test/harness';

export interface TeamServer {
  base: string;
  tokens: Record<'writer' | 'readerA' | 'readerB', string>;
  /** Files a text to Desk Iraq as its writer; the response's status. */
  fileText(text: string): Promise<number>;
  /** Stops answering (the server closes; the database stays until `close`). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(): Promise<TeamServer> {
  const h = await startHarness();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const tokens = {
    writer: await h.token('desk-iraq', 'writer', 'Desk Iraq'),
    readerA: await h.token('desk-iraq', 'reader', 'Desk Iraq'),
    readerB: await h.token('desk-syria', 'reader', 'Desk Syria'),
  };
  return {
    base: `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`,
    tokens,
    fileText: async (text) => (await h.call(tokens.writer, 'POST', '/v1/documents', pasted(text))).status,
    // (Closing the app twice is harmless: the harness's close closes it again, then the pools and cluster.)
    stop: () => h.app.close(),
    close: () => h.close(),
  };
}
