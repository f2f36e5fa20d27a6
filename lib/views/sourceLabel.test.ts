import { describe, expect, it } from 'vitest';
import { byline, dateNote, dateText, sourceLine } from './sourceLabel';
import { source } from './fixtures';

describe('source label', () => {
  it('names author and outlet, or says unsigned', () => {
    expect(byline({ author: 'Brian Dowling', outlet: 'Boston Herald' })).toBe('Brian Dowling, Boston Herald');
    expect(byline({ outlet: 'Boston Herald' })).toBe('Boston Herald');
    expect(byline({ author: ' ' })).toBe('Unsigned');
  });

  it('marks approximate dates', () => {
    expect(dateText({ dateLabel: 'mid-2017', dateApproximate: true })).toBe('c. mid-2017');
    expect(dateText({ dateLabel: 'October 2017', dateApproximate: false })).toBe('October 2017');
    expect(dateNote({ date: '2017-07', dateApproximate: true })).toMatch(/Approximate \(2017-07\)/);
  });

  it('puts it all on one line', () => {
    expect(sourceLine(source('x', { author: 'A', dateApproximate: false }))).toBe('Title x — A · October 2016 · Perspective x');
  });
});
