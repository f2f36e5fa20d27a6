/**
 * Injected into a tab only when the user asks to add the page to the corpus (popup button or
 * context menu: platform/addPage.ts, with `scripting` and the `activeTab` grant of that gesture).
 * Never declared as a content script, so Readability is not in the script every page runs. It
 * reads a CLONE of the document (Readability rewrites what it is given: the page is never
 * changed) and returns plain data, which becomes the value `scripting.executeScript` resolves with.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage } from '../components/corpus/article';

export default defineUnlistedScript(() => extractPage(document.cloneNode(true) as Document, location.href, document.title));
