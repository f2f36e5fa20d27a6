/**
 * The layer the reader's own names are underlined in (privateMarks.ts): its host's style (the
 * card's host, frameHost.ts, but never a target of the pointer), the closed root's sheet, whose
 * underlines look like the bundled names' `::highlight(counterpoint)` rules (lib/marks/markBoxes.ts),
 * and the pool of underline elements in it.
 */
import { underlineLook, type MarkBox } from '../../lib/marks/markBoxes';
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

/** The layer's underline elements, moved to each pass's boxes; writes only inside the closed root. */
export class MarkPool {
  private readonly pool: HTMLSpanElement[] = [];
  /** What each element was last given ("class|style"): unchanged marks are not written again. */
  private readonly drawn: string[] = [];
  /** How many elements show a mark. */
  shown = 0;

  constructor(private readonly layer: HTMLElement) {}

  /** Moves the elements to `boxes` (viewport coordinates; `origin`: where the layer's corner is); the rest are hidden. */
  draw(boxes: readonly MarkBox[], origin: { left: number; top: number }): void {
    const { pool, drawn } = this;
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i]!;
      let el = pool[i];
      if (!el) {
        el = document.createElement('span');
        pool.push(el);
        this.layer.append(el);
      }
      // (The open card's mention: the box spans its line down to the underline, for the background.)
      const top = b.active ? b.lineTop : b.y;
      const cls = b.active ? 'active' : '';
      const style = `transform: translate(${b.x - origin.left}px, ${top - origin.top}px); width: ${b.width}px; height: ${b.y - top}px`;
      if (drawn[i] === `${cls}|${style}`) continue;
      drawn[i] = `${cls}|${style}`;
      el.className = cls;
      el.style.cssText = style;
    }
    for (let i = boxes.length; i < this.shown; i++) {
      pool[i]!.style.cssText = 'display: none';
      drawn[i] = '';
    }
    this.shown = boxes.length;
  }
}
