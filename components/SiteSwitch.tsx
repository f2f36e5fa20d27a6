/** The per-site on/off switch for the page a popup or panel is about; its name is its visible text. */
export function SiteSwitch({ site, enabled, onToggle }: { site: string | null; enabled: boolean; onToggle: (enabled: boolean) => void }) {
  if (!site) return <p class="site-switch site-switch-none muted">Not a web page</p>;
  return (
    <label class="site-switch">
      <input type="checkbox" role="switch" class="switch" checked={enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
      <span class="site-switch-text">
        {enabled ? 'On' : 'Off'} for <span class="site-name">{site}</span>
      </span>
    </label>
  );
}
