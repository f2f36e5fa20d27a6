/**
 * Reading the hover card as DevTools shows it to a user: its host's closed shadow root through
 * the Chrome DevTools Protocol (DOM.describeNode with `pierce`), and its text in the card page's
 * frame (a frame of the page, read with Playwright), never through a hook in the extension. The
 * implementation is shared with `npm run demo` (scripts/browser.mjs, plain JS because Node 20
 * cannot import TypeScript).
 */
export { findCardHost, highlightCount, readCard, textRect, type CardSnapshot } from '../../scripts/browser.mjs';
