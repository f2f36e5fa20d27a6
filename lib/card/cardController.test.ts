/**
 * The driver of the card machine (cardController.ts) with fake timers and a fake surface: that
 * effects reach the surface, the timers and the underline, and that only trusted keys act. Every
 * transition itself is cardMachine.test.ts's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, type CardEntity, type CardSurface, type KeyInput } from './cardController';

interface M {
  id: string;
  gone?: boolean;
}

/** A surface that records what it was asked; it renders at once unless told to wait. */
class FakeSurface implements CardSurface<string> {
  log: string[] = [];
  renderAtOnce = true;
  constructor(private readonly rendered: () => void) {}
  warm() {
    this.log.push('warm');
  }
  request(anchor: string, e: CardEntity, o: { pinned: boolean; focus: boolean }) {
    this.log.push(`request ${e.id}@${anchor}${o.pinned ? ' pinned' : ''}${o.focus ? ' focus' : ''}`);
    if (this.renderAtOnce) queueMicrotask(this.rendered);
    return true;
  }
  reveal() {
    this.log.push('reveal');
  }
  hide() {
    this.log.push('hide');
  }
  setPinned(p: boolean) {
    this.log.push(`pinned ${p}`);
  }
}

const key = (k: Partial<KeyInput>): KeyInput => ({ key: '', code: '', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, isTrusted: true, ...k });

function setup(atSelection: M | null = null) {
  const active: Array<string | null> = [];
  // eslint-disable-next-line prefer-const -- the surface calls back into the card made after it
  let card: CardController<M, string>;
  const surface = new FakeSurface(() => card.rendered());
  card = new CardController<M, string>({
    surface,
    anchor: (m, atPointer) => (m.gone ? null : atPointer ? 'pointer' : 'text'),
    entity: (m) => ({ id: m.id, label: m.id.toUpperCase() }),
    same: (a, b) => a.id === b.id,
    setActive: (m) => active.push(m?.id ?? null),
    openDelay: () => 250,
    closeDelay: 300,
    atSelection: () => atSelection,
  });
  return { surface, card, active };
}

describe('CardController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('requests the card hidden as soon as the pointer lands, and reveals it when the delay ends', async () => {
    const { surface, card, active } = setup();
    card.pointerOver({ id: 'raqqa' });
    expect(surface.log).toEqual(['warm', 'request raqqa@pointer']);
    await vi.advanceTimersByTimeAsync(249);
    expect(card.isOpen).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(surface.log).toEqual(['warm', 'request raqqa@pointer', 'reveal']);
    expect(card.isOpen).toBe(true);
    expect(active).toEqual(['raqqa']);
  });

  it('counts the delay from when the pointer came to rest', async () => {
    const { card } = setup();
    card.pointerOver({ id: 'raqqa' }, 200);
    await vi.advanceTimersByTimeAsync(50);
    expect(card.isOpen).toBe(true);
  });

  it('a card still loading when the delay ends is revealed once the frame has rendered it', async () => {
    const { surface, card } = setup();
    surface.renderAtOnce = false;
    card.pointerOver({ id: 'raqqa' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(surface.log).not.toContain('reveal');
    card.rendered();
    expect(surface.log.at(-1)).toBe('reveal');
  });

  it('closes after the close delay once the pointer left mention and card; the frame’s pointer keeps it', async () => {
    const { surface, card, active } = setup();
    card.pointerOver({ id: 'raqqa' });
    await vi.advanceTimersByTimeAsync(250);
    card.pointerOver(null);
    await vi.advanceTimersByTimeAsync(200);
    card.framePointer(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(card.isOpen).toBe(true);
    card.framePointer(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(card.isOpen).toBe(false);
    expect(surface.log.at(-1)).toBe('hide');
    expect(active).toEqual(['raqqa', null]);
  });

  it('pins from the card and tells the frame; Esc closes, the page keeps its Esc', async () => {
    const { surface, card } = setup();
    card.pointerOver({ id: 'raqqa' });
    await vi.advanceTimersByTimeAsync(250);
    card.togglePin();
    expect(surface.log.at(-1)).toBe('pinned true');
    card.pointerOver({ id: 'mosul' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(surface.log.filter((l) => l.includes('mosul'))).toEqual([]);
    expect(card.keyDown(key({ key: 'Escape' }))).toBe(false);
    expect(card.isOpen).toBe(false);
  });

  it('opens pinned and focused at the selection with a trusted Alt+Shift+C', () => {
    const { surface, card } = setup({ id: 'peshmerga' });
    expect(card.keyDown(key({ code: 'KeyC', altKey: true, shiftKey: true }))).toBe(true);
    expect(surface.log).toEqual(['warm', 'request peshmerga@text pinned focus']);
    card.dismiss();
    expect(card.openAtSelection()).toBe(true);
    expect(surface.log.at(-1)).toBe('request peshmerga@text pinned focus');
  });

  it('ignores keys a page script dispatches: no opening, no closing', async () => {
    const { surface, card } = setup({ id: 'peshmerga' });
    expect(card.keyDown(key({ code: 'KeyC', altKey: true, shiftKey: true, isTrusted: false }))).toBe(false);
    expect(surface.log).toEqual([]);
    card.pointerOver({ id: 'raqqa' });
    await vi.advanceTimersByTimeAsync(250);
    card.keyDown(key({ key: 'Escape', isTrusted: false }));
    expect(card.isOpen).toBe(true);
  });

  it('gives up when the mention’s text is gone; the frame going closes the card', async () => {
    const { surface, card } = setup();
    card.pointerOver({ id: 'raqqa', gone: true });
    await vi.advanceTimersByTimeAsync(250);
    expect(card.isOpen).toBe(false);
    expect(surface.log).toEqual(['warm', 'hide']);
    card.pointerOver({ id: 'raqqa' });
    await vi.advanceTimersByTimeAsync(250);
    card.frameGone();
    expect(card.isOpen).toBe(false);
    expect(surface.log.at(-1)).toBe('hide');
  });
});
