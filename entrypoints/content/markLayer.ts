/**
 * The layer the reader's own names are underlined in (privateMarks.ts): its host's style (the
 * card's host, frameHost.ts, but never a target of the pointer) and the closed root's sheet, whose
 * underlines look like the bundled names' `::highlight(counterpoint)` rules (lib/marks/markBoxes.ts).
 */
import { underlineLook } from '../../lib/marks/markBoxes';
import { HOST_STYLE } from './frameHost';
import highlightCss from './highlights.css?inline';

export const MARKS_HOST_STYLE = HOST_STYLE.replace('pointer-events: auto', 'pointer-events: none');

const look = underlineLook(highlightCss);
const active = underlineLook(highlightCss, 'counterpoint-active');
export const LAYER_CSS = `
div { position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; margin: 0; padding: 0; border: 0;
  overflow: hidden; contain: strict; pointer-events: none; }
span { position: absolute; top: 0; left: 0; height: 0; margin: 0; padding: 0; border: 0;
  border-bottom: ${look.thickness} ${look.style} ${look.color}; pointer-events: none; }
span.active { border-bottom: ${active.thickness} ${active.style} ${active.color}; background: ${active.background}; }`;
