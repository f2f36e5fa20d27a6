/** Settings: underlines, hover delay, and the sites where Counterpoint is off. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, getSettings, setSiteEnabled, updateSettings, watchSettings, type Settings } from '../../platform/settings';

export function Settings() {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  if (!settings) return <div aria-busy="true" />;

  const update = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    void updateSettings(patch);
  };

  return (
    <>
      <section class="option">
        <label class="option-row">
          <input type="checkbox" checked={settings.underlines} onChange={(e) => update({ underlines: e.currentTarget.checked })} />
          <span>
            <strong>Underline places and groups</strong>
            <span class="muted option-help">Cards still open when you rest the pointer on a name.</span>
          </span>
        </label>
      </section>

      <section class="option">
        <label htmlFor="hover-delay">
          <strong>Card delay</strong> <output htmlFor="hover-delay">{settings.hoverDelayMs} ms</output>
        </label>
        <input
          id="hover-delay"
          type="range"
          min={0}
          max={1500}
          step={50}
          value={settings.hoverDelayMs}
          onInput={(e) => update({ hoverDelayMs: Number(e.currentTarget.value) })}
        />
        <span class="muted option-help">How long the pointer must rest on a name before its card opens (default {DEFAULT_SETTINGS.hoverDelayMs} ms).</span>
      </section>

      <section class="option" aria-labelledby="sites-title">
        <h2 id="sites-title">Sites where Counterpoint is off</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Use the switch in the toolbar popup to turn Counterpoint off on a site.</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" class="btn" onClick={() => void setSiteEnabled(site, true)}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

    </>
  );
}
