/**
 * The popup's on/off switches as a small state machine: which site the popup is about (null for
 * pages that are not on the web), whether Counterpoint is on there, and whether it is on at all
 * (the options page's global switch), kept in step with the settings; and the view model the
 * popup draws from them, so it never says "On" for a site while Counterpoint is off everywhere.
 * I/O injected. Pure.
 */
import { ENGLISH } from '../i18n/english';
import type { T } from '../i18n/keys';
import { Store } from './store';

/** The two settings the switch shows: Counterpoint at all, and on the popup's site. */
export interface Switches {
  everywhere: boolean;
  site: boolean;
}

export interface SiteSwitchPorts {
  /** The host name of the tab the popup is about, or null when it is not a web page. */
  site(): Promise<string | null>;
  /** The switches for `site` (its own is `true` when there is no site). */
  switches(site: string | null): Promise<Switches>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
  /** The global switch (the options page has the same one). */
  setEnabledEverywhere(enabled: boolean): Promise<unknown>;
  /** Calls back with the switches whenever the settings change. */
  watchSwitches(site: string | null, callback: (switches: Switches) => void): () => void;
}

export interface SiteSwitchState {
  site: string | null;
  /** The site's own switch (what it will be once Counterpoint is on again). */
  enabled: boolean;
  /** Counterpoint at all. */
  everywhere: boolean;
}

export class SiteSwitchController extends Store<SiteSwitchState> {
  constructor(private ports: SiteSwitchPorts) {
    super({ site: null, enabled: true, everywhere: true });
  }

  /** Finds the site and follows the settings; returns the function that stops following. */
  start(): () => void {
    let stopWatching: (() => void) | undefined;
    let alive = true;
    void (async () => {
      const site = await this.ports.site().catch(() => null);
      if (!alive) return;
      const switches = await this.ports.switches(site).catch(() => ({ everywhere: true, site: true }));
      if (!alive) return;
      this.set({ site, enabled: switches.site, everywhere: switches.everywhere });
      stopWatching = this.ports.watchSwitches(site, (s) => this.set({ enabled: s.site, everywhere: s.everywhere }));
    })();
    return () => {
      alive = false;
      stopWatching?.();
    };
  }

  toggle(enabled: boolean): void {
    const { site, everywhere } = this.state;
    if (!site || !everywhere) return;
    this.set({ enabled });
    void this.ports.setSiteEnabled(site, enabled).catch(() => undefined);
  }

  /** Turns Counterpoint back on everywhere (the site keeps its own switch). */
  turnOnEverywhere(): void {
    this.set({ everywhere: true });
    void this.ports.setEnabledEverywhere(true).catch(() => undefined);
  }
}

/** What the popup shows of the switches. */
export interface SiteSwitchView {
  /** The site switch, or null where the tab is not a web page. */
  switch: {
    checked: boolean;
    /** Off everywhere: the site's switch cannot turn it on, so it is disabled. */
    disabled: boolean;
    /** Its visible text, which is also its name: "On for example.org", "Off everywhere". */
    state: string;
    /** The site named after the state, or null when the state says it all. */
    site: string | null;
  } | null;
  /** The line saying Counterpoint is off, with its way back on; null while it is on. */
  offNotice: { text: string; action: string } | null;
}

export function siteSwitchView({ site, enabled, everywhere }: SiteSwitchState, t: T = ENGLISH): SiteSwitchView {
  const offNotice = everywhere ? null : { text: t('switchOffNotice'), action: t('switchTurnOn') };
  if (!site) return { switch: null, offNotice };
  if (!everywhere) return { switch: { checked: false, disabled: true, state: t('switchOffEverywhere'), site: null }, offNotice };
  return { switch: { checked: enabled, disabled: false, state: t(enabled ? 'switchOnFor' : 'switchOffFor'), site }, offNotice };
}
