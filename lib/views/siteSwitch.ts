/**
 * The per-site on/off switch of the popup as a small state machine: which site the popup is about
 * (null for pages that are not on the web), whether Counterpoint is on there, kept in step with
 * the settings. I/O injected. Pure.
 */
import { Store } from './store';

export interface SiteSwitchPorts {
  /** The host name of the tab the popup is about, or null when it is not a web page. */
  site(): Promise<string | null>;
  siteEnabled(site: string): Promise<boolean>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
  /** Calls back with whether the site is on whenever the settings change. */
  watchSiteEnabled(site: string, callback: (enabled: boolean) => void): () => void;
}

export interface SiteSwitchState {
  site: string | null;
  enabled: boolean;
}

export class SiteSwitchController extends Store<SiteSwitchState> {
  constructor(private ports: SiteSwitchPorts) {
    super({ site: null, enabled: true });
  }

  /** Finds the site and follows its setting; returns the function that stops following. */
  start(): () => void {
    let stopWatching: (() => void) | undefined;
    let alive = true;
    void (async () => {
      const site = await this.ports.site().catch(() => null);
      if (!alive || !site) return;
      const enabled = await this.ports.siteEnabled(site).catch(() => true);
      if (!alive) return;
      this.set({ site, enabled });
      stopWatching = this.ports.watchSiteEnabled(site, (on) => this.set({ enabled: on }));
    })();
    return () => {
      alive = false;
      stopWatching?.();
    };
  }

  toggle(enabled: boolean): void {
    const { site } = this.state;
    if (!site) return;
    this.set({ enabled });
    void this.ports.setSiteEnabled(site, enabled).catch(() => undefined);
  }
}
