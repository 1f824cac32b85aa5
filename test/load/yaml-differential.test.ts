/**
 * The fast reader against the full parser: wherever the fast reader gives a
 * tree, the full parser must give the same tree (values, styles, positions)
 * and no problem. Where it gives up, the full parser decides, as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roadmapFile } from '../../bench/generate.mjs';
import { readSimpleYaml } from '../../src/load/fast-yaml.js';
import { LIMITS, parseYaml, parseYamlFully } from '../../src/load/yaml.js';
import { SHIPPED } from '../helpers.js';
import { corrupt, randomYaml } from './yaml-samples.js';

/** More with YAML_FUZZ=100000 (slow). */
const SEEDS = Number(process.env.YAML_FUZZ) || 3000;

function compare(text: string): 'same' | 'gave up' {
  const fast = readSimpleYaml(text, LIMITS.depth);
  if (fast === null) return 'gave up';
  const full = parseYamlFully(text);
  expect({ text, tree: fast, problems: [] }).toEqual({ text, tree: full.root, problems: full.problems });
  return 'same';
}

describe('fast YAML reader vs the yaml library', () => {
  it('reads the shipped roadmap exactly as the full parser does', () => {
    expect(compare(readFileSync(SHIPPED, 'utf8'))).toBe('same');
  });

  it('reads generated portfolio files exactly as the full parser does', () => {
    for (let i = 0; i < 40; i++) expect(compare(roadmapFile(i, 60 + i, 7))).toBe('same');
  });

  it('agrees on thousands of random documents, and reads most valid ones itself', () => {
    let same = 0;
    let valid = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const text = randomYaml(seed);
      if (compare(text) === 'same') same++;
      if (parseYamlFully(text).problems.length === 0) valid++;
    }
    // Not a correctness claim, a guard that the comparison above compared something.
    if (process.env.YAML_FUZZ) console.log({ same, valid, seeds: SEEDS });
    expect(same).toBeGreaterThan(valid / 3);
  });

  it('agrees on corrupted documents', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const base = seed % 2 ? randomYaml(seed) : roadmapFile(seed % 13, 6, seed);
      compare(corrupt(base, seed));
    }
  });

  it('parseYaml gives the full parser\'s problems whenever the fast reader gives up', () => {
    const text = 'a: 1\na: 2\n';
    expect(readSimpleYaml(text, LIMITS.depth)).toBeNull();
    expect(parseYaml(text)).toEqual(parseYamlFully(text));
    expect(parseYaml(text).problems[0]?.message).toBe('Map keys must be unique');
  });

  it('finds duplicate keys in small and large mappings (the reader switches to a set at 16 keys)', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`);
    for (const n of [2, 15, 16, 17, 40]) {
      expect(compare(keys(n).join('\n') + '\n')).toBe('same');
      for (const dup of [0, n - 1]) {
        const text = [...keys(n), `k${dup}: again`].join('\n') + '\n';
        expect(readSimpleYaml(text, LIMITS.depth), `${n} keys, k${dup} twice`).toBeNull();
        expect(parseYaml(text).problems[0]?.message).toBe('Map keys must be unique');
      }
    }
    // An empty key and `~` are the same (null) key.
    expect(readSimpleYaml(`${keys(20).join('\n')}\n: a\n~: b\n`, LIMITS.depth)).toBeNull();
  });
});
