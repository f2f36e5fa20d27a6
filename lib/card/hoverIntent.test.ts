import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from './hoverIntent';

interface M {
  id: string;
}

function setup(delay = 250) {
  const log: string[] = [];
  const intent = new HoverIntent<M>({
    openDelay: () => delay,
    closeDelay: 300,
    same: (a, b) => a.id === b.id,
    prefetch: (m) => log.push(`prefetch ${m.id}`),
    open: (m, { sticky }) => log.push(`open ${m.id}${sticky ? ' sticky' : ''}`),
    close: () => log.push('close'),
  });
  return { intent, log };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after the pointer rests for the delay, prefetching at once', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' });
    expect(log).toEqual(['prefetch raqqa']);
    vi.advanceTimersByTime(249);
    expect(log).toEqual(['prefetch raqqa']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prefetch raqqa', 'open raqqa']);
    expect(intent.open).toEqual({ id: 'raqqa' });
  });

  it('counts the delay from when the pointer came to rest', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' }, 16);
    vi.advanceTimersByTime(233);
    expect(log).toEqual(['prefetch raqqa']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prefetch raqqa', 'open raqqa']);
  });

  it('does not restart the delay for pointer moves within the same mention', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(200);
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(50);
    expect(log).toContain('open raqqa');
  });

  it('cancels when the pointer leaves before the delay', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(100);
    intent.pointerOver(null);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['prefetch raqqa']);
  });

  it('stays open while the pointer moves onto the card, and closes after it leaves both', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    intent.pointerOver(null);
    vi.advanceTimersByTime(200);
    intent.pointerOverCard();
    vi.advanceTimersByTime(5000);
    expect(log).not.toContain('close');
    intent.pointerOver(null);
    vi.advanceTimersByTime(299);
    expect(log).not.toContain('close');
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('close');
    expect(intent.open).toBeNull();
  });

  it('moves from one mention to another', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    intent.pointerOver({ id: 'mosul' });
    vi.advanceTimersByTime(250);
    expect(log).toEqual(['prefetch raqqa', 'open raqqa', 'prefetch mosul', 'open mosul']);
    vi.advanceTimersByTime(1000);
    expect(intent.open).toEqual({ id: 'mosul' });
  });

  it('keeps a pinned card when the pointer leaves or hovers another mention', () => {
    const { intent, log } = setup();
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(250);
    intent.pin();
    intent.pointerOver(null);
    intent.pointerOver({ id: 'mosul' });
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['prefetch raqqa', 'open raqqa']);
    expect(intent.sticky).toBe(true);
    intent.dismiss();
    expect(log.at(-1)).toBe('close');
    expect(intent.sticky).toBe(false);
  });

  it('opens at once and sticky from the keyboard; dismiss is idempotent', () => {
    const { intent, log } = setup();
    intent.openNow({ id: 'isis' });
    intent.pointerOver(null);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['open isis sticky']);
    intent.dismiss();
    intent.dismiss();
    expect(log).toEqual(['open isis sticky', 'close']);
  });

  it('reports every prefetched open that will not happen (cancel), and no other', () => {
    const log: string[] = [];
    const intent = new HoverIntent<M>({
      openDelay: () => 250,
      closeDelay: 300,
      same: (a, b) => a.id === b.id,
      prefetch: (m) => log.push(`prefetch ${m.id}`),
      cancel: (m) => log.push(`cancel ${m.id}`),
      open: (m) => log.push(`open ${m.id}`),
      close: () => log.push('close'),
    });
    intent.pointerOver({ id: 'raqqa' });
    vi.advanceTimersByTime(100);
    intent.pointerOver(null); // a brief pass
    intent.pointerOver({ id: 'mosul' });
    intent.pointerOver({ id: 'deir' }); // straight on to another mention
    vi.advanceTimersByTime(250);
    intent.pointerOver({ id: 'kirkuk' }); // while a card is open
    intent.dismiss(); // Esc
    intent.pointerOver({ id: 'raqqa' });
    intent.openNow({ id: 'raqqa' }); // the keyboard, before the delay ended
    expect(log).toEqual([
      'prefetch raqqa', 'cancel raqqa',
      'prefetch mosul', 'cancel mosul',
      'prefetch deir', 'open deir',
      'prefetch kirkuk', 'cancel kirkuk', 'close',
      'prefetch raqqa', 'cancel raqqa', 'open raqqa',
    ]);
  });

  it('lets an unpinned card close again', () => {
    const { intent, log } = setup();
    intent.openNow({ id: 'isis' });
    intent.unpin();
    intent.pointerOver(null);
    vi.advanceTimersByTime(300);
    expect(log.at(-1)).toBe('close');
  });

  it('opens through the frame-aligned timer when there is one (closes through the plain one), and cancels it', () => {
    const calls: string[] = [];
    const painted: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    const log: string[] = [];
    const intent = new HoverIntent<M>({
      openDelay: () => 250,
      closeDelay: 300,
      same: (a, b) => a.id === b.id,
      open: (m) => log.push(`open ${m.id}`),
      close: () => log.push('close'),
      timers: {
        set: (fn, ms) => {
          calls.push(`set ${ms}`);
          return setTimeout(fn, ms);
        },
        setPainted: (fn, ms) => {
          calls.push(`painted ${ms}`);
          const h = { fn, ms, cleared: false };
          painted.push(h);
          return h;
        },
        clear: (h) => {
          if (painted.includes(h as (typeof painted)[number])) (h as (typeof painted)[number]).cleared = true;
          else clearTimeout(h as ReturnType<typeof setTimeout>);
        },
      },
    });
    intent.pointerOver({ id: 'raqqa' }, 40); // rested 40 ms ago: due in 210
    intent.pointerOver(null); // left: the aligned open is cancelled
    expect(painted[0]).toMatchObject({ ms: 210, cleared: true });
    intent.pointerOver({ id: 'mosul' });
    painted[1]!.fn(); // its frame came
    expect(log).toEqual(['open mosul']);
    intent.pointerOver(null);
    expect(calls).toEqual(['painted 210', 'painted 250', 'set 300']);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['open mosul', 'close']);
  });
});
