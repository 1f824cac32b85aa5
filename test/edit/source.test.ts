import { describe, expect, it } from 'vitest';
import type { PMap, PScalar } from '../../src/load/yaml.js';
import { pairOf, scalarText, Source } from '../../src/edit/source.js';

/** The mapping at `path` (keys and list indexes) of the source's tree. */
function mapAt(s: Source, ...path: Array<string | number>): PMap {
  let node = s.root();
  for (const step of path) {
    if (typeof step === 'number' && node.kind === 'seq') node = node.items[step]!;
    else if (typeof step === 'string' && node.kind === 'map') node = pairOf(node, step)!.value;
    else throw new Error(`no ${step}`);
  }
  if (node.kind !== 'map') throw new Error('not a map');
  return node;
}

describe('scalarText', () => {
  it.each([
    ['2019-04-20', {}, '2019-04-20'],
    ['https://example.org/x?a=1&b=2', {}, 'https://example.org/x?a=1&b=2'],
    ['https://example.org/x,y', {}, 'https://example.org/x,y'],
    ['https://example.org/x,y', { flow: true }, '"https://example.org/x,y"'],
    ['Merged: see #4', {}, '"Merged: see #4"'],
    ['Merged, see 4', {}, 'Merged, see 4'],
    ['key: value', {}, '"key: value"'],
    ['see # here', {}, '"see # here"'],
    ['no', {}, '"no"'],
    ['Off', { flow: true }, '"Off"'],
    ['~', {}, '"~"'],
    ['nothing', {}, 'nothing'],
    ['rtl \u202e', {}, '"rtl \\u202E"'],
    ['ls\u2028', { like: { style: 'single' } as PScalar }, '"ls\\u2028"'],
    ['- item', {}, '"- item"'],
    ['[x]', {}, '"[x]"'],
    [' padded', {}, '" padded"'],
    ['two\nlines', {}, '"two\\nlines"'],
    ['tab\there', {}, '"tab\\there"'],
    ["it's", {}, "it's"],
    ['', {}, '""'],
    ['*alias', {}, '"*alias"'],
    ['3.1.start + 6 months..3.1.end', { flow: true }, '3.1.start + 6 months..3.1.end'],
  ] as const)('%j %j -> %s', (value, options, expected) => {
    expect(scalarText(value, options)).toBe(expected);
  });

  it('keeps the quoting of the value it replaces', () => {
    const s = new Source(`a: 'x'\nb: "y"\nc: |\n  z\n`);
    const root = mapAt(s);
    const like = (k: string) => pairOf(root, k)!.value as never;
    expect(scalarText("it's", { like: like('a') })).toBe("'it''s'");
    expect(scalarText('q"q', { like: like('b') })).toBe('"q\\"q"');
    expect(scalarText('plain', { like: like('c') })).toBe('plain');
  });
});

describe('Source', () => {
  it("adds a key after the last value, with the keys' indentation and the file's line ending", () => {
    const s = new Source('list:\r\n  - a: 1   # note\r\n    b: 2\r\n# tail\r\n');
    s.add(mapAt(s, 'list', 0), 'c', '3');
    expect(s.text).toBe('list:\r\n  - a: 1   # note\r\n    b: 2\r\n    c: 3\r\n# tail\r\n');
  });

  it('adds after a block value that ends the file without a final newline', () => {
    const s = new Source('a:\n  - x\n  - y');
    s.add(mapAt(s), 'b', '1');
    expect(s.text).toBe('a:\n  - x\n  - y\nb: 1');
  });

  it('adds inside a flow mapping, keeping its spacing', () => {
    const s = new Source('a: { x: 1, y: [2] }\n');
    s.add(mapAt(s, 'a'), 'z', '3');
    expect(s.text).toBe('a: { x: 1, y: [2], z: 3 }\n');
  });

  it('removes a key with its lines, keeping the comments around it', () => {
    const s = new Source('# head\na: 1\n# about b\nb: |\n  one\n  two\n# about c\nc: 3\n');
    s.remove(mapAt(s), 'b');
    expect(s.text).toBe('# head\na: 1\n# about b\n# about c\nc: 3\n');
  });

  it('removes the last line of a file without a final newline', () => {
    const s = new Source('a: 1\r\nb: 2');
    s.remove(mapAt(s), 'b');
    expect(s.text).toBe('a: 1');
  });

  it('removes the first key of a list item by moving the next key onto the dash', () => {
    const s = new Source('l:\n  - done: 2019-01-01\n    window: 2019\n');
    s.remove(mapAt(s, 'l', 0), 'done');
    expect(s.text).toBe('l:\n  - window: 2019\n');
  });

  it.each([
    ['{a: 1, b: 2, c: 3}', 'b', '{a: 1, c: 3}'],
    ['{a: 1, b: 2, c: 3}', 'a', '{b: 2, c: 3}'],
    ['{a: 1, b: 2, c: 3}', 'c', '{a: 1, b: 2}'],
  ])('removes from a flow mapping: %s without %s', (flow, key, expected) => {
    const s = new Source(`m: ${flow}\n`);
    s.remove(mapAt(s, 'm'), key);
    expect(s.text).toBe(`m: ${expected}\n`);
  });

  it('appends to a block list with the prefix of its items, and to flow lists', () => {
    const s = new Source('e:\n    - a  # one\nf: []\ng: [x]\n');
    s.append(mapAt(s), 'e', ['b']);
    s.append(mapAt(s), 'f', ['y']);
    s.append(mapAt(s), 'g', ['z', 'w']);
    expect(s.text).toBe('e:\n    - a  # one\n    - b\nf: [y]\ng: [x, z, w]\n');
  });

  it('sets a key in place, or replaces a block value by one line', () => {
    const s = new Source('a: old   # kept\nb: >\n  folded\n  text\nc: 1\n');
    s.set(mapAt(s), 'a', 'new');
    s.set(mapAt(s), 'b', 'short');
    expect(s.text).toBe('a: new   # kept\nb: short\nc: 1\n');
  });

  it('keeps a byte-order mark out of the indentation', () => {
    const s = new Source('\ufeffa: 1\nb: 2\n');
    s.add(mapAt(s), 'c', '3');
    expect(s.text).toBe('\ufeffa: 1\nb: 2\nc: 3\n');
  });
});
