import { describe, expect, it } from 'vitest';
import { loadWidths, width } from '../../src/render/cells.js';

// A file of its own: the full rules, once loaded, stay loaded for the file's process.
describe('before the full rules are loaded', () => {
  it('measures simple text a code point at a time, and does not load them for it', async () => {
    expect([width('2019-03-01 → 2019-04-30'), width('古文'), width('مرحبا'), width('Ærø')]).toEqual([23, 4, 5, 3]);
    await loadWidths(['2019 → 2020', '古文 and Ærø']);
    // Without the full rules a ZWJ sequence counts each of its emoji: the reason to load them.
    expect(width('👩‍👩‍👧')).toBe(6);
  });
});
