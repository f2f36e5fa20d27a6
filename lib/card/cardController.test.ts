import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, type CardEntity, type CardSurface, type KeyInput } from './cardController';

interface M {
  id: string;
  gone?: boolean;
}

/** A surface that records what it was asked, and can refuse (a mention whose text is gone). */
class FakeSurface implements CardSurface<string> {
  log: string[] = [];
  state: 'closed' | 'prepared' | 'open' = 'closed';
  get isOpen() {
    return this.state === 'open';
  }
  warm() {
    this.log.push('warm');
  }
  prepare(anchor: string, e: CardEntity) {
    this.log.push(`prepare ${e.id}@${anchor}`);
    this.state = 'prepared';
    return true;
  }
  reveal() {
    if (this.state !== 'prepared') return false;
    this.log.push('reveal');
    this.state = 'open';
    return true;
  }
  open(anchor: string, e: CardEntity, o: { pinned: boolean; focus: boolean }) {
    this.log.push(`open ${e.id}@${anchor}${o.pinned ? ' pinned' : ''}${o.focus ? ' focus' : ''}`);
    this.state = 'open';
    return true;
  }
  setPinned(p: boolean) {
    this.log.push(`pinned ${p}`);
  }
  discard() {
    if (this.state === 'prepared') this.log.push('discard');
    if (this.state === 'prepared') this.state = 'closed';
  }
  close() {
    this.log.push('close');
    this.state = 'closed';
  }
}

const key = (k: Partial<KeyInput>): KeyInput => ({ key: '', code: '', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, isTrusted: true, ...k });

function setup(atSelection: M | null = null) {
  const surface = new FakeSurface();
  const active: Array<string | null> = [];
  const card = new CardController<M, string>({
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

  it('prepares the card hidden as soon as the pointer lands, and reveals it when the delay ends', () => {
    const { surface, card, active } = setup();
    card.pointerOver({ id: 'raqqa' });
    expect(surface.log).toEqual(['warm', 'prepare raqqa@pointer']);
    vi.advanceTimersByTime(249);
    expect(surface.state).toBe('prepared');
    vi.advanceTimersByTime(1);
    expect(surface.log).toEqual(['warm', 'prepare raqqa@pointer', 'reveal']);
    expect(card.isOpen).toBe(true);
    expect(active).toEqual(['raqqa']);
  });

  it('discards a prepared card when the pointer leaves before the delay: nothing opens', () => {
    const { surface, card } = setup();
    card.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(100);
    card.pointerOver(null);
    vi.advanceTimersByTime(1000);
    expect(surface.log).toEqual(['warm', 'prepare raqqa@pointer', 'discard']);
    expect(card.isOpen).toBe(false);
  });

  it('keeps the card open while the pointer is in its frame; closes after it leaves', () => {
    const { surface, card, active } = setup();
    card.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    card.pointerOver(null); // off the mention, on the way to the card
    vi.advanceTimersByTime(200);
    card.framePointer(true);
    vi.advanceTimersByTime(1000);
    expect(card.isOpen).toBe(true);
    card.framePointer(false);
    vi.advanceTimersByTime(300);
    expect(card.isOpen).toBe(false);
    expect(surface.log.at(-1)).toBe('close');
    expect(active).toEqual(['raqqa', null]);
  });

  it('pins from the card: it then survives the pointer leaving and other mentions; Esc closes', () => {
    const { surface, card } = setup();
    card.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    card.togglePin();
    expect(surface.log.at(-1)).toBe('pinned true');
    card.pointerOver(null);
    card.pointerOver({ id: 'mosul' });
    vi.advanceTimersByTime(2000);
    expect(card.isOpen).toBe(true);
    expect(surface.log.filter((l) => l.includes('mosul'))).toEqual([]);
    expect(card.keyDown(key({ key: 'Escape' }))).toBe(false); // the page keeps its Esc
    expect(card.isOpen).toBe(false);
  });

  it('opens pinned and focused at the selection with a trusted Alt+Shift+C', () => {
    const { surface, card } = setup({ id: 'peshmerga' });
    expect(card.keyDown(key({ code: 'KeyC', altKey: true, shiftKey: true }))).toBe(true);
    expect(surface.log).toEqual(['open peshmerga@text pinned focus']);
    // The command path (the browser kept the shortcut) does the same.
    card.dismiss();
    expect(card.openAtSelection()).toBe(true);
    expect(surface.log.at(-1)).toBe('open peshmerga@text pinned focus');
  });

  it('ignores keys a page script dispatches: no opening, no closing', () => {
    const { surface, card } = setup({ id: 'peshmerga' });
    expect(card.keyDown(key({ code: 'KeyC', altKey: true, shiftKey: true, isTrusted: false }))).toBe(false);
    expect(surface.log).toEqual([]);
    card.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    card.keyDown(key({ key: 'Escape', isTrusted: false }));
    expect(card.isOpen).toBe(true);
  });

  it('Esc also cancels a card about to open', () => {
    const { surface, card } = setup();
    card.pointerOver({ id: 'raqqa' });
    card.keyDown(key({ key: 'Escape' }));
    vi.advanceTimersByTime(1000);
    expect(card.isOpen).toBe(false);
    expect(surface.log).toContain('discard');
  });

  it('opens afresh when the prepared card cannot be revealed, and gives up when the text is gone', () => {
    const { surface, card } = setup();
    surface.prepare = () => false; // e.g. the mention moved out of the document during the delay
    card.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    expect(surface.log).toEqual(['warm', 'open raqqa@pointer']);

    const s2 = setup();
    s2.card.pointerOver({ id: 'raqqa', gone: true });
    vi.advanceTimersByTime(250);
    expect(s2.card.isOpen).toBe(false);
    expect(s2.surface.log).toEqual(['warm', 'close']);
  });

  it('does not prepare a hidden card over an open one', () => {
    const { surface, card } = setup();
    card.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    card.pointerOver({ id: 'mosul' });
    expect(surface.log.filter((l) => l.startsWith('prepare'))).toEqual(['prepare raqqa@pointer']);
    vi.advanceTimersByTime(250);
    expect(surface.log.at(-1)).toBe('open mosul@pointer');
  });
});
