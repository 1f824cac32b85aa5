import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fit, graphemesOf, loadWidths, truncate, width, wrapCells } from '../../src/render/cells.js';
import { inert } from '../../src/text/inert.js';

await loadWidths(['👩‍👩‍👧']);

describe('display width', () => {
  it.each([
    ['plain ascii', 11],
    ['古文', 4],
    ['🚀', 2],
    ['👩‍👩‍👧', 2], // one ZWJ sequence
    ['é', 1], // e + combining acute
    ['مرحبا', 5],
    ['', 0],
  ])('%j is %i cells', (text, cells) => expect(width(text)).toBe(cells));
});

describe('truncate and fit', () => {
  it.each([
    ['Organizing trainings', 10, 'Organizin…'],
    ['Organizing trainings', 20, 'Organizing trainings'],
    ['word and more', 6, 'word…'], // no space before the ellipsis
    ['古文古文古文', 5, '古文…'], // a wide character never half-shown
    ['🚀🚀🚀', 4, '🚀…'],
    ['a👩‍👩‍👧b👩‍👩‍👧', 5, 'a👩‍👩‍👧b…'], // the family stays whole
    ['ééé', 2, 'é…'],
    ['anything', 0, ''],
  ])('truncate(%j, %i) is %j', (text, cells, out) => expect(truncate(text, cells)).toBe(out));

  it.each([
    ['古文古', 6, '古文古'],
    ['古文古文古文', 6, '古文… '], // a wide character does not fit the last cell: a space pads
    ['古文古文古文', 5, '古文…'],
    ['ab', 4, 'ab  '],
    ['🚀 go', 8, '🚀 go   '],
  ])('fit(%j, %i) is %j, exactly that wide', (text, cells, out) => {
    expect(fit(text, cells)).toBe(out);
    expect(width(fit(text, cells))).toBe(cells);
  });

  it('wraps items into lines, cutting what is wider than a line', () => {
    expect(wrapCells(['one', 'two', 'three', 'a-very-long-item'], 10, '  ')).toEqual(['one  two', 'three', 'a-very-lo…']);
  });
});

describe('inert keeps joiners that scripts and emoji need', () => {
  it('leaves U+200C and U+200D alone but still shows U+200B and bidi controls', () => {
    expect(inert('👩\u200d👩\u200d👧 می\u200cخواهم')).toBe('👩\u200d👩\u200d👧 می\u200cخواهم');
    expect(inert('a\u200bb\u202ec\u200fd')).toBe('a\\u200bb\\u202ec\\u200fd');
  });
});

describe('long text', () => {
  const whole = (text: string) => Array.from(new Intl.Segmenter().segment(text), (s) => s.segment);
  const samples = ['👩‍👩‍👧', '👍🏽', '🇦🇿', '🇫🇷', 'é', '한', '\u1100\u1161\u11a8', 'a', ' ', '古', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1️⃣', 'x\u0301\u0302'];

  it('segments a chunk at a time into the same graphemes as at once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...samples), { maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (parts, chunk) => {
        const text = parts.join('');
        expect([...graphemesOf(text, chunk)]).toEqual(whole(text));
      }),
    );
  });

  it('a grapheme longer than a chunk stays whole', () => {
    const long = `a${'\u0301'.repeat(1000)}b`;
    expect([...graphemesOf(long, 16)]).toEqual([`a${'\u0301'.repeat(1000)}`, 'b']);
  });

  it('measures and cuts a title of 40,000 emoji', () => {
    const title = '😀'.repeat(40_000);
    expect(width(title)).toBe(80_000);
    expect(truncate(title, 7)).toBe('😀😀😀…');
    expect(fit(title, 8)).toBe('😀😀😀… ');
    expect(wrapCells(['😀 😀', title], 6)).toEqual(['😀 😀', '😀😀…']);
  });
});
