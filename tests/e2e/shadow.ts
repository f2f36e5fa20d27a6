/**
 * Reading the hover card out of its closed shadow root, as DevTools shows it to a user: through
 * the Chrome DevTools Protocol (DOM.describeNode with `pierce` lists closed shadow roots), never
 * through a hook in the extension. The implementation is shared with `npm run demo`
 * (scripts/browser.mjs, plain JS because Node 20 cannot import TypeScript).
 */
export { highlightCount, readCard, textRect, type CardSnapshot } from '../../scripts/browser.mjs';
