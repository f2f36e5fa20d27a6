/**
 * The source label as a screen reader reads it: real spaces and separators between its parts, a
 * space before "(title supplied)", and its notes as text in a disclosure, never as tooltips.
 */
import { describe, expect, it } from 'vitest';
import { source } from '../lib/views/fixtures';
import { SourceLabel } from './SourceLabel';
import { renderToDom, titles } from './testDom';

const meta = source('a', {
  title: 'ISIS',
  titleSupplied: true,
  author: 'Abu Mohammed',
  authorNote: 'RBSS founding member',
  outlet: 'RBSS',
  dateLabel: 'October 2016',
  date: '2016-10',
  dateApproximate: true,
  perspective: 'Raqqa opposition activist',
});

describe('SourceLabel', () => {
  it('reads as separate phrases', () => {
    const root = renderToDom(<SourceLabel source={meta} />);
    expect(root.querySelector('.source-title')!.textContent).toBe('ISIS (title supplied)');
    expect(root.querySelector('.source-meta')!.textContent).toBe('Abu Mohammed, RBSS · c. October 2016 · Raqqa opposition activist');
    expect(titles(root)).toEqual([]);
    expect(root.querySelector('details')).toBeNull();
  });

  it('offers its notes as text in an “About this source” disclosure', () => {
    const root = renderToDom(<SourceLabel source={meta} notes titleAs="h3" titleId="t" />);
    expect(root.querySelector('h3#t')).not.toBeNull();
    const details = root.querySelector('details.source-notes')!;
    expect(details.querySelector('summary')!.textContent).toBe('About this source: ISIS');
    expect([...details.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'The text has no title; this descriptive one is ours.',
      'RBSS founding member',
      'The date is approximate (2016-10): inferred from events in the text.',
    ]);
  });

  it('has no disclosure when there is nothing to add', () => {
    const plain = source('b', { dateApproximate: false });
    expect(renderToDom(<SourceLabel source={plain} notes />).querySelector('details')).toBeNull();
  });
});
