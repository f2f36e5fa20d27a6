import { describe, expect, it } from 'vitest';
import { isExtensionPage, isFromExtension, isOwnContentScript } from './senders';

const self = { id: 'abc', origin: 'chrome-extension://abc/' };
const popup = { id: 'abc', url: 'chrome-extension://abc/popup.html' };
const cardFrame = { id: 'abc', url: 'chrome-extension://abc/card.html#x', tab: { id: 4 }, frameId: 7 };
const contentScript = { id: 'abc', url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 };

describe('isExtensionPage', () => {
  it('accepts our pages, in a tab or not', () => {
    expect(isExtensionPage(popup, self)).toBe(true);
    expect(isExtensionPage(cardFrame, self)).toBe(true);
  });
  it('refuses content scripts, whatever their page pretends', () => {
    expect(isExtensionPage(contentScript, self)).toBe(false);
    expect(isExtensionPage({ ...contentScript, url: 'https://evil.example/chrome-extension://abc/' }, self)).toBe(false);
    expect(isExtensionPage({ id: 'abc' }, self)).toBe(false);
  });
  it('refuses another extension, even at a look-alike origin', () => {
    expect(isExtensionPage({ id: 'evil', url: 'chrome-extension://evil/popup.html' }, self)).toBe(false);
    expect(isExtensionPage({ id: 'abc', url: 'chrome-extension://abcd/popup.html' }, self)).toBe(false);
    expect(isExtensionPage(undefined, self)).toBe(false);
    expect(isExtensionPage(popup, { id: 'abc', origin: '' })).toBe(false);
  });
});

describe('isOwnContentScript', () => {
  it('accepts our content scripts and pages, not strangers', () => {
    expect(isOwnContentScript(contentScript, self)).toBe(true);
    expect(isOwnContentScript(popup, self)).toBe(true);
    expect(isOwnContentScript({ ...contentScript, id: 'evil' }, self)).toBe(false);
    expect(isOwnContentScript({ id: 'abc', url: 'https://x.example/' }, self)).toBe(false);
  });
});

describe('isFromExtension', () => {
  it('checks the id', () => {
    expect(isFromExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(isFromExtension({ id: 'x' }, 'abc')).toBe(false);
  });
});
