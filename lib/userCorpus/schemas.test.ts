/**
 * One metadata schema, two id rules: the corpus-write messages and the bundle file accept and
 * refuse the same metadata, and differ only in which ids they take.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { registry } from '../messages/registry';
import { readBundle } from './bundle';

const meta = { id: 'user-a', title: 'Field notes', date: '2019', dateApproximate: false, dateLabel: '2019', perspective: 'Notes', origin: 'user' as const };
const body = 'Residents of Raqqa said the road was open.';

/** Whether a restoreDocuments message and a bundle file each accept a document with this metadata. */
const accepted = (m: Record<string, unknown>) => ({
  message: v.safeParse(registry.restoreDocuments.params, { documents: [{ meta: m, body }] }).success,
  bundle: (() => {
    try {
      readBundle(JSON.stringify({ format: 'counterpoint-corpus', version: 1, documents: [{ meta: m, body }] }), 'b.json');
      return true;
    } catch {
      return false;
    }
  })(),
});

describe('sourceMetaSchema, shared by the messages and the bundle', () => {
  it('both take a stored document’s metadata, with its optional fields', () => {
    expect(accepted(meta)).toEqual({ message: true, bundle: true });
    expect(accepted({ ...meta, author: 'L. Hassan', outlet: 'Notebook', url: 'https://example.org/a', titleSupplied: true, authorNote: 'x' })).toEqual({ message: true, bundle: true });
  });

  it('both refuse the same bad metadata: an empty title or perspective, an unknown field, a seed’s origin, a too long outlet', () => {
    for (const bad of [{ title: '  ' }, { perspective: '' }, { extra: 1 }, { origin: 'seed' }, { outlet: 'x'.repeat(501) }]) {
      expect(accepted({ ...meta, ...bad }), JSON.stringify(bad)).toEqual({ message: false, bundle: false });
    }
  });

  it('differ only in the id rule: a message takes any 1–200 characters, a bundle file letters, digits and _ - . :', () => {
    expect(accepted({ ...meta, id: 'user a/b' })).toEqual({ message: true, bundle: false });
    expect(accepted({ ...meta, id: '' })).toEqual({ message: false, bundle: false });
    expect(accepted({ ...meta, id: 'x'.repeat(201) })).toEqual({ message: false, bundle: false });
  });
});
