/**
 * Where the team server's address and token are kept: the extension origin's IndexedDB (Dexie),
 * read by the worker only. Not storage.local: a content script can read storage.local, and a
 * content script runs in the web page's process; it cannot open the extension origin's IndexedDB.
 * One row, replaced on connect, deleted on disconnect.
 */
import Dexie, { type Table } from 'dexie';

export interface TeamConfig {
  /** The base the routes hang from, and the permission pattern of its origin (lib/team/url.ts). */
  base: string;
  pattern: string;
  token: string;
  /** The team's name and the token's role, as the server said when connecting. */
  team: string;
  role: 'reader' | 'writer';
}

type Row = TeamConfig & { key: 'server' };

class TeamDb extends Dexie {
  config!: Table<Row, 'server'>;
  constructor() {
    super('counterpoint-team');
    this.version(1).stores({ config: 'key' });
  }
}

export class TeamStore {
  private db = new TeamDb();
  async get(): Promise<TeamConfig | undefined> {
    const row = await this.db.config.get('server');
    if (!row) return undefined;
    const { key: _key, ...config } = row;
    return config;
  }
  async set(config: TeamConfig): Promise<void> {
    await this.db.config.put({ key: 'server', ...config });
  }
  async clear(): Promise<void> {
    await this.db.config.delete('server');
  }
}
