/** Options: wiring of components/OptionsView.tsx to the settings and the browser's commands, and of the user's corpus (components/corpus/), with a page handed over to add (platform/addPage.ts). */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CorpusManager } from '../../components/corpus/CorpusManager';
import { OptionsView } from '../../components/OptionsView';
import { withDefaults } from '../../lib/settings/settings';
import type { PageExtraction } from '../../lib/userCorpus/pageExtract';
import type { Command } from '../../components/ShortcutList';
import { cardShortcut, listCommands } from '../../platform/extensionPages';
import { watchHandOff } from '../../platform/handoff';
import { DEFAULT_SETTINGS, getSettings, setSiteEnabled, updateSettings, watchSettings, type Settings } from '../../platform/settings';
import { corpusApi } from './corpusApi';
import { TeamServer } from '../../components/team/TeamServer';
import { teamApi } from './teamApi';
import type { TeamStatus } from '../../lib/messages/team';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [page, setPage] = useState<PageExtraction | null>(null);
  const [commands, setCommands] = useState<Command[]>([]);
  // A writer's team: the import form can file to it too (components/team/TeamFileDrafts.tsx).
  const [team, setTeam] = useState<TeamStatus | null>(null);
  const filing = useMemo(() => (team?.state === 'connected' && team.role === 'writer' ? { team: team.team, file: teamApi.file } : null), [team]);

  useEffect(() => {
    void getSettings().then(setSettings);
    void cardShortcut().then(setShortcut);
    void listCommands().then(setCommands);
    const offPage = watchHandOff('addpage', setPage);
    const offSettings = watchSettings(setSettings);
    return () => (offPage(), offSettings());
  }, []);

  if (!settings) return <main class="options" aria-busy="true" />;
  return (
    <OptionsView
      settings={settings}
      defaultDelayMs={DEFAULT_SETTINGS.hoverDelayMs}
      shortcut={shortcut}
      commands={commands}
      searchUrl={browser.runtime.getURL('/popup.html')}
      onChange={(patch) => {
        setSettings({ ...settings, ...patch });
        void updateSettings(patch);
      }}
      onTurnSiteOn={(site) => void setSiteEnabled(site, true)}
    >
      <TeamServer api={teamApi} page={page} onStatus={setTeam} />
      <CorpusManager api={corpusApi} settings={async () => ({ ...(await getSettings()) })} applySettings={(s) => void updateSettings(withDefaults(s))} page={page} team={filing} />
    </OptionsView>
  );
}
