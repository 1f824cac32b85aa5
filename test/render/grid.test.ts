import { describe, expect, it } from 'vitest';
import { grid } from '../../src/render/grid.js';

describe('grid', () => {
  it('wraps by words within fixed widths, and draws the box', () => {
    const out = grid(
      [{ text: 'ID' }, { text: 'Title' }],
      [
        [{ text: 'a1' }, { text: 'one two three four' }],
        [{ text: 'b' }, { text: 'x\ny' }],
      ],
      [4, 11],
    );
    expect(out).toBe(
      [
        '┌────┬───────────┐',
        '│ ID │ Title     │',
        '├────┼───────────┤',
        '│ a1 │ one two   │',
        '│    │ three     │',
        '│    │ four      │',
        '│ b  │ x         │',
        '│    │ y         │',
        '└────┴───────────┘',
      ].join('\n'),
    );
  });

  it('measures wide characters by display cells and truncates words wider than a column', () => {
    const out = grid([{ text: 'T' }], [[{ text: '古文 emoji 🚀' }], [{ text: 'abcdefghijklmnop' }]], [10]).split('\n');
    expect(out.slice(3, 6)).toEqual(['│ 古文     │', '│ emoji 🚀 │', '│ abcdefg… │']);
  });

  it('colours the text of a cell, not its padding', () => {
    const out = grid([{ text: 'S' }], [[{ text: 'late', paint: (t) => `<${t}>` }]], [8]).split('\n');
    expect(out[3]).toBe('│ <late>   │');
  });
});
