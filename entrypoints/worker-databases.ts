/**
 * The worker's IndexedDB stores (Dexie), as a script the worker loads on first use
 * (platform/workerDatabases.ts says why and how): wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { IndexStore } from '../platform/indexStore';
import { TeamStore } from '../platform/teamStore';
import { UserStore } from '../platform/userStore';
import { provideDatabases } from '../platform/workerDatabases';

export default defineUnlistedScript(() => provideDatabases({ userStore: () => new UserStore(), indexStore: () => new IndexStore(), teamStore: () => new TeamStore() }));
