/** Options: wiring of components/OptionsView.tsx to the settings in storage and the browser's commands. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView } from '../../components/OptionsView';
import { cardShortcut } from '../../platform/extensionPages';
import { DEFAULT_SETTINGS, getSettings, setSiteEnabled, updateSettings, watchSettings, type Settings } from '../../platform/settings';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);

  useEffect(() => {
    void getSettings().then(setSettings);
    void cardShortcut().then(setShortcut);
    return watchSettings(setSettings);
  }, []);

  if (!settings) return <main class="options" aria-busy="true" />;
  return (
    <OptionsView
      settings={settings}
      defaultDelayMs={DEFAULT_SETTINGS.hoverDelayMs}
      shortcut={shortcut}
      searchUrl={browser.runtime.getURL('/popup.html')}
      onChange={(patch) => {
        setSettings({ ...settings, ...patch });
        void updateSettings(patch);
      }}
      onTurnSiteOn={(site) => void setSiteEnabled(site, true)}
    />
  );
}
