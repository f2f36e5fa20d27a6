// Types of scripts/browser.mjs, for the end-to-end tests.
import type { BrowserContext, Page } from 'playwright-core';

export const ROOT: string;
export const CHROMIUM: string;

export interface Served {
  origin: string;
  close(): Promise<void>;
}
export function serveDir(dir: string): Promise<Served>;

export interface LaunchedChromium {
  context: BrowserContext;
  extensionId: string | undefined;
  close(): Promise<void>;
}
export function launchChromium(options?: {
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}): Promise<LaunchedChromium>;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface CardSnapshot {
  /** "closed" for the real card. */
  mode: string;
  role: string | null;
  /** Accessible name: the text of the element named by aria-labelledby. */
  name: string;
  text: string;
  rect: Rect;
  marks: string[];
  sources: string[];
  perspectives: string[];
  stances: string[];
  buttons: Array<{ label: string; pressed: string | null; x: number; y: number }>;
  background: string;
  color: string;
  focused: boolean;
  busy: boolean;
  /** The card's scroll region: its accessible name and tab index. */
  region: { label: string | null; tabIndex: number } | null;
  /** The card page's address. */
  frameUrl: string;
}
export function findCardHost(cdp: import('playwright-core').CDPSession): Promise<{ hostObjectId: string; iframe: { backendNodeId: number }; mode: string } | null>;
export function readCard(page: Page): Promise<CardSnapshot | null>;

export function textRect(
  page: Page,
  text: string,
  nth?: number,
): Promise<{ x: number; y: number; left: number; top: number; right: number; bottom: number } | null>;

export function highlightCount(page: Page): Promise<number>;
