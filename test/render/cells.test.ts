import { describe, expect, it } from 'vitest';
import { fit, loadWidths, truncate, width, wrapCells } from '../../src/render/cells.js';
import { inert } from '../../src/render/inert.js';

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
