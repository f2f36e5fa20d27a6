/**
 * Where the card lives in the page: one custom element, attached only while a card is open, with
 * a closed shadow root holding the card's styles and the Preact tree. Page scripts cannot reach
 * into it and page CSS cannot style it (the host resets every property, !important, inline).
 * Placement by floating-ui: below the mention (the line under the pointer), flipped above or
 * shifted sideways to stay on screen, height capped to the room available, following scrolls.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { Card, type CardContent } from '../../components/Card';
import cardCss from '../../components/card.css?inline';

export const HOST_TAG = 'counterpoint-card';

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'display: block',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'contain: none',
  'pointer-events: auto',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join(';');

const EDGE = 8;
/** Taller cards read as a page, not a glance: the body scrolls beyond this. */
const MAX_HEIGHT = 560;

export interface CardAnchor {
  range: Range;
  /** The pointer, to pick the line of a mention that wraps. */
  point?: { x: number; y: number };
}

export interface CardHandlers {
  onPin(): void;
  onClose(): void;
  onCompare(entityId: string): void;
  onSearch(query: string): void;
}

export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private stopPositioning?: () => void;
  private content: CardContent = { status: 'loading', label: '' };
  private pinned = false;
  private returnFocus: HTMLElement | null = null;
  private readonly headingId = `counterpoint-name-${Math.random().toString(36).slice(2, 8)}`;

  constructor(private readonly handlers: CardHandlers) {}

  get isOpen(): boolean {
    return this.host?.isConnected === true;
  }

  /** Events from inside a closed shadow root reach page-level listeners retargeted to the host. */
  isHost(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  open(anchor: CardAnchor, content: CardContent, options: { focus: boolean; pinned: boolean }): void {
    const host = this.ensureHost();
    if (!host.isConnected) document.documentElement.appendChild(host);
    this.content = content;
    this.pinned = options.pinned;
    this.paint();
    this.place(anchor);
    if (options.focus) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== host ? active : null;
      this.cardElement()?.focus({ preventScroll: true });
    }
  }

  update(content: CardContent): void {
    this.content = content;
    if (this.isOpen) this.paint();
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    if (this.isOpen) this.paint();
  }

  close(): void {
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    const host = this.host;
    if (!host?.isConnected) return;
    const hadFocus = document.activeElement === host;
    if (this.mount) render(null, this.mount);
    host.remove();
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private ensureHost(): HTMLElement {
    if (this.host) return this.host;
    const host = document.createElement(HOST_TAG);
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const mount = document.createElement('div');
    root.append(style, mount);
    this.host = host;
    this.root = root;
    this.mount = mount;
    return host;
  }

  private cardElement(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  private paint(): void {
    if (!this.mount) return;
    render(
      <Card
        content={this.content}
        pinned={this.pinned}
        headingId={this.headingId}
        onPin={this.handlers.onPin}
        onClose={this.handlers.onClose}
        onCompare={this.handlers.onCompare}
        onSearch={this.handlers.onSearch}
      />,
      this.mount,
    );
  }

  private place(anchor: CardAnchor): void {
    this.stopPositioning?.();
    const floating = this.cardElement();
    if (!floating) return;
    const { range, point } = anchor;
    // A mention that wraps has one rect per line: anchor to the line the pointer was on.
    const lines = range.getClientRects();
    let line = 0;
    if (point) for (let i = 0; i < lines.length; i++) if (point.y >= lines[i]!.top && point.y <= lines[i]!.bottom) line = i;
    const reference = {
      getBoundingClientRect: () => {
        const rects = range.getClientRects();
        return rects.length > 1 ? rects[Math.min(line, rects.length - 1)]! : range.getBoundingClientRect();
      },
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const update = () =>
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: EDGE, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: EDGE }),
          size({
            padding: EDGE,
            // Only the height: the width is capped by CSS to the viewport, and shift() moves
            // the card sideways rather than squeezing it against an edge.
            apply({ availableHeight, elements }) {
              elements.floating.style.maxHeight = `${Math.max(160, Math.min(MAX_HEIGHT, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
      });
    this.stopPositioning = autoUpdate(reference, floating, update);
  }
}
