/** The options page's way to the team server (components/team/TeamServer.tsx): the permission asked in the click, the rest by the worker (entrypoints/background/team.ts). */
import type { TeamApi } from '../../components/team/TeamServer';
import { teamAddress } from '../../lib/team/url';
import { workerClient } from '../../platform/messaging';
import { requestTeamPermission } from '../../platform/teamPermission';

export const teamApi: TeamApi = {
  status: () => workerClient.teamStatus(),
  connect(url, token) {
    const address = teamAddress(url);
    if (!address) return Promise.resolve({ state: 'error', problem: 'invalid-url' });
    // Synchronously, in the submit's task: the browser grants optional permissions only on a user gesture.
    const granted = requestTeamPermission(address.pattern);
    return granted.then(
      (ok) => (ok ? workerClient.teamConnect({ url, token }) : { state: 'error', url: address.base, problem: 'permission' }),
      () => ({ state: 'error', url: address.base, problem: 'permission' }),
    );
  },
  disconnect: () => workerClient.teamDisconnect(),
  file: (drafts) => workerClient.teamFile({ drafts }),
};
