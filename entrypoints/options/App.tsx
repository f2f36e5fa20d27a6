/** Options: wiring only — the settings (Settings.tsx) and the user's corpus (components/corpus/). */
import { browser } from 'wxt/browser';
import { CorpusManager } from '../../components/corpus/CorpusManager';
import { getSettings, updateSettings } from '../../platform/settings';
import { withDefaults } from '../../lib/settings/settings';
import { corpusApi } from './corpusApi';
import { Settings } from './Settings';

export function App() {
  return (
    <main class="options">
      <h1 class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} /> Counterpoint settings
      </h1>
      <Settings />
      <CorpusManager
        api={corpusApi}
        settings={async () => ({ ...(await getSettings()) })}
        applySettings={(s) => void updateSettings(withDefaults(s))}
      />
      <p class="muted">
        <a href={browser.runtime.getURL('/popup.html')}>Search the corpus</a>
      </p>
    </main>
  );
}
