/**
 * The fast reader against the full parser: wherever the fast reader gives a
 * tree, the full parser must give the same tree (values, styles, positions)
 * and no problem. Where it gives up, the full parser decides, as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { roadmapFile } from '../../bench/generate.mjs';
import { readSimpleYaml, YAML_VERSION_MIRRORED } from '../../src/load/fast-yaml.js';
import { LIMITS, parseYaml, parseYamlFully } from '../../src/load/yaml.js';
import { ROOT, SHIPPED } from '../helpers.js';
import { corrupt, keyWordDocs, LONG_KEY_LENGTHS, longKeyDocs, nested, randomYaml, ruleYaml } from './yaml-samples.js';

/** More with YAML_FUZZ=100000 (slow), which prints the counts instead of checking them. */
const SEEDS = Number(process.env.YAML_FUZZ) || 3000;
const RULE_SEEDS = Number(process.env.YAML_FUZZ) || 200;

function* generate(n: number, make: (seed: number) => string): Generator<string> {
  for (let seed = 1; seed <= n; seed++) yield make(seed);
}

function compare(text: string): 'same' | 'gave up' {
  const fast = readSimpleYaml(text, LIMITS.depth);
  if (fast === null) return 'gave up';
  const full = parseYamlFully(text);
  expect({ text, tree: fast, problems: [] }).toEqual({ text, tree: full.root, problems: full.problems });
  return 'same';
}

/**
 * How many of `texts` the fast reader read (each compared with the full
 * parser's tree), and how many it gave up on; with `refusals`, how many of
 * those the full parser refuses (the rest are shapes the reader leaves to it).
 */
function tally(texts: Iterable<string>, refusals = true): { same: number; gaveUp: number; refused?: number } {
  let same = 0;
  let gaveUp = 0;
  let refused = 0;
  for (const text of texts) {
    if (compare(text) === 'same') same++;
    else {
      gaveUp++;
      if (refusals && parseYamlFully(text).problems.length > 0) refused++;
    }
  }
  return refusals ? { same, gaveUp, refused } : { same, gaveUp };
}

const messages = (text: string) => parseYaml(text).problems.map((p) => p.message);

describe('fast YAML reader vs the yaml library', () => {
  it('reads the shipped roadmap exactly as the full parser does', () => {
    expect(compare(readFileSync(SHIPPED, 'utf8'))).toBe('same');
  });

  it('reads generated portfolio files exactly as the full parser does', () => {
    for (let i = 0; i < 40; i++) expect(compare(roadmapFile(i, 60 + i, 7))).toBe('same');
  });

  it('agrees on thousands of random documents, and reads most valid ones itself', () => {
    const counts = tally(generate(SEEDS, randomYaml), Boolean(process.env.YAML_FUZZ));
    if (process.env.YAML_FUZZ) console.log('random', { seeds: SEEDS, ...counts });
    // Most random documents are broken somewhere (YAML_FUZZ counts those the library refuses).
    else expect(counts).toEqual({ same: 641, gaveUp: 2359 });
  });

  it('agrees on corrupted documents', () => {
    const counts = tally(
      generate(SEEDS, (seed) => corrupt(seed % 2 ? randomYaml(seed) : roadmapFile(seed % 13, 6, seed), seed)),
      Boolean(process.env.YAML_FUZZ),
    );
    if (process.env.YAML_FUZZ) console.log('corrupted', { seeds: SEEDS, ...counts });
    else expect(counts).toEqual({ same: 824, gaveUp: 2176 });
  });

  it("parseYaml gives the full parser's problems whenever the fast reader gives up", () => {
    const text = 'a: 1\na: 2\n';
    expect(readSimpleYaml(text, LIMITS.depth)).toBeNull();
    expect(parseYaml(text)).toEqual(parseYamlFully(text));
    expect(parseYaml(text).problems[0]?.message).toBe('Map keys must be unique');
  });

  it('finds duplicate keys in small and large mappings (the reader switches to a set at 16 keys)', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`);
    for (const n of [2, 15, 16, 17, 40]) {
      expect(compare(`${keys(n).join('\n')}\n`)).toBe('same');
      for (const dup of [0, n - 1]) {
        const text = `${[...keys(n), `k${dup}: again`].join('\n')}\n`;
        expect(readSimpleYaml(text, LIMITS.depth), `${n} keys, k${dup} twice`).toBeNull();
        expect(parseYaml(text).problems[0]?.message).toBe('Map keys must be unique');
      }
    }
    // Under the failsafe schema an empty key, `~` and `null` are three keys (the reader leaves empty keys to the library).
    expect(parseYamlFully(`${keys(20).join('\n')}\n: a\n~: b\nnull: c\n`).problems).toEqual([]);
    expect(compare(`${keys(20).join('\n')}\n~: b\nnull: c\nNULL: d\n`)).toBe('same');
  });
});

describe("the full parser's own rules, copied by the fast reader or left to the library", () => {
  it('runs beside the yaml version whose rules the reader copies, pinned exactly', () => {
    const installed = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
    const pinned = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { dependencies: Record<string, string> }).dependencies.yaml;
    expect({ installed, pinned }).toEqual({ installed: YAML_VERSION_MIRRORED, pinned: YAML_VERSION_MIRRORED });
  });

  it('compares keys by their text: null, boolean and number words are text, plain or quoted', () => {
    const flow = 'entities: {NULL: Operations office, "NULL": Communications unit}\n';
    const block = 'entities:\n  NULL: Operations office\n  "NULL": Communications unit\n';
    for (const text of [flow, block, "entities:\n  ~: a\n  '~': b\n", '? NULL\n: a\nNULL: b\n']) {
      expect(readSimpleYaml(text, LIMITS.depth)).toBeNull();
      expect(messages(text)).toEqual(['Map keys must be unique']);
    }
    let same = 0;
    let gaveUp = 0;
    for (const doc of keyWordDocs()) {
      if (compare(doc.text) === 'same') same++;
      else gaveUp++;
      if (doc.same) expect(messages(doc.text)).toEqual(['Map keys must be unique']);
    }
    // 10 words, 90 pairs of two: each read in 3 block layouts (plain keys only) and 2 flow
    // layouts (plain and quoted, 9 ways); every pair of one word is a duplicate, left to the library.
    expect({ same, gaveUp }).toEqual({ same: 90 * (3 + 2 * 9), gaveUp: 10 * 10 * 9 * 5 - 90 * 21 });
  });

  it('applies the 1024-character limit on implicit keys as the library counts it, or gives up', () => {
    // After an empty value the library counts the key from the end of the line before.
    const after = (n: number) => `a:\n${'k'.repeat(n)}: v\n`;
    expect(messages(after(1023))).toEqual([]);
    expect(compare(after(1023))).toBe('same');
    expect(messages(after(1024))).toEqual(['The : indicator must be at most 1024 chars after the start of an implicit block mapping key']);
    expect(readSimpleYaml(after(1024), LIMITS.depth)).toBeNull();
    const nested = (n: number) => `x:\n  a:\n  ${'k'.repeat(n)}: v\n`;
    expect(messages(nested(1021))).toEqual([]);
    expect(compare(nested(1021))).toBe('same');
    expect(readSimpleYaml(nested(1022), LIMITS.depth)).toBeNull();
    // Where a sequence closes after an empty item, the blank lines before the key count too.
    const blank = (n: number) => `x:\n-\n\n${'k'.repeat(n)}: v\n`;
    expect(messages(blank(1023))).toEqual(['The : indicator must be at most 1024 chars after the start of an implicit block mapping key']);
    expect(readSimpleYaml(blank(1023), LIMITS.depth)).toBeNull();
    expect(compare(blank(1022))).toBe('same');
    // 11 lengths, 2 kinds of key, 42 places. Valid but left to the library: `{ K : v }`, quoted
    // block keys, and keys near the limit after blank lines (counted from the value before them).
    expect(tally(longKeyDocs())).toEqual({ same: 554, gaveUp: 370, refused: 324 });
    expect(LONG_KEY_LENGTHS.length * 2 * 42).toBe(554 + 370);
  });

  it('applies the nesting limit in every form', () => {
    const forms = ['map', 'seq', 'compact', 'flat', 'flow', 'flow-map'] as const;
    const texts: string[] = [];
    for (const form of forms) {
      for (let depth = 60; depth <= 67; depth++) {
        for (const leaf of ['x', '', '"q"', '[]', '{}']) texts.push(nested(form, depth, leaf));
      }
    }
    // The issue's case: a compact mapping in a sequence item at depth 64, its values at 65.
    const deep = nested('compact', 65, 'x');
    expect(messages(deep)).toEqual(['nesting deeper than 64 levels']);
    expect(readSimpleYaml(deep, LIMITS.depth)).toBeNull();
    // Read: every document whose leaves are at depth 64 or less, but those with `{a: }` (an
    // empty flow value, left to the library); an empty `[]` at depth 64 is fine.
    expect(tally(texts)).toEqual({ same: 146, gaveUp: 94, refused: 89 });
  });

  it('agrees on random documents around those rules, and on them corrupted', () => {
    const counts = tally(generate(RULE_SEEDS, ruleYaml));
    const corrupted = tally(generate(RULE_SEEDS, (seed) => corrupt(ruleYaml(seed), seed)));
    if (process.env.YAML_FUZZ) console.log('around the rules', { seeds: RULE_SEEDS, ...counts }, 'corrupted', corrupted);
    else
      expect([counts, corrupted]).toEqual([
        { same: 128, gaveUp: 72, refused: 50 },
        { same: 84, gaveUp: 116, refused: 94 },
      ]);
  });
});
