/** Inputs of unusual size: the loader must stay correct (and linear) on them. */
import { describe, expect, it } from 'vitest';
import { SLOW_INPUTS } from '../../bench/generate.mjs';
import { HINT_BUDGET } from '../../src/load/build.js';
import { parseRoadmap } from '../../src/load/index.js';

const parse = (text: string) => parseRoadmap(text, 'x.yaml');
const lines = (r: ReturnType<typeof parse>) => r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('relative dates at scale', () => {
  it('resolves a chain of 3,000 relative dates, each a day after the one it refers to', () => {
    const r = parse(SLOW_INPUTS.chain(3_000));
    expect(lines(r)).toEqual([]);
    const last = r.roadmap!.stages[0]!.activities[0]!;
    // 2020-01-01 + 2,999 days
    expect([last.id, last.windows[0]!.start, last.windows[0]!.end]).toEqual(['a3000', '2028-03-18', '2028-03-18']);
  });

  it('names a ring of 3,000 relative dates at its line, shortened', () => {
    const r = parse(SLOW_INPUTS.ring(3_000));
    expect(lines(r)).toEqual(['3009:36 relative dates form a cycle: a3000 -> a2999 -> a2998 -> a2997 -> … 2,993 more … -> a3 -> a2 -> a1 -> a3000 (a cycle of 3,000)']);
  });

  it('names a short cycle in full', () => {
    const r = parse(SLOW_INPUTS.ring(8));
    expect(lines(r)).toEqual(['17:36 relative dates form a cycle: a8 -> a7 -> a6 -> a5 -> a4 -> a3 -> a2 -> a1 -> a8']);
  });
});

describe('many problems in one file', () => {
  it('reports each of 2,000 invalid activities three times over, once each', () => {
    const found = lines(parse(SLOW_INPUTS.invalid(2_000)));
    expect(found.length).toBe(6_000);
    expect(found.slice(0, 3)).toEqual(['10:36 2019-02-30 is not a calendar date', "10:61 unknown entity 'Z0' (entities: A)", "10:65 unknown key 'colour' in activity"]);
  });

  it('reports 2,000 unknown keys and 2,000 repeated keys', () => {
    expect(lines(parse(SLOW_INPUTS.unknownKeys(2_000))).length).toBe(2_000);
    const repeated = lines(parse(SLOW_INPUTS.duplicateKeys(2_000)));
    expect([repeated.length, repeated[0]]).toEqual([1_999, '13:9 Map keys must be unique']);
  });

  it('expands 2,000 YAML aliases of one anchor', () => {
    const r = parse(SLOW_INPUTS.yamlAliases(2_000));
    expect(lines(r)).toEqual([]);
    const titles = new Set(r.roadmap!.stages[0]!.activities.map((a) => a.title));
    expect([r.roadmap!.stages[0]!.activities.length, [...titles]]).toEqual([2_000, ['Slow']]);
  });

  it('gives "did you mean" hints within a budget: every error is still reported', () => {
    const found = lines(parse(SLOW_INPUTS.entityAliases(2_000)));
    expect(found.length).toBe(2_000);
    // Each hint compares the name with the 2,001 entity ids and aliases.
    expect(found.filter((l) => l.includes('did you mean')).length).toBe(Math.floor(HINT_BUDGET / 2_001));
    expect(found.at(-1)).toBe("2009:73 unknown entity 'xl1999'");
  });
});

describe('long lists', () => {
  it('reads a responsible list of 3,000 entities, repeats and unknown ones once each', () => {
    const ids = Array.from({ length: 3_000 }, (_, i) => `E${i}`);
    const text =
      `schema: 1\nid: wide\ntitle: W\nentities:\n${ids.map((id) => `  ${id}: N`).join('\n')}\nstages:\n  - id: S\n    title: S\n    activities:\n` +
      `      - { id: a, title: T, due: 2020-01-01, responsible: [${ids.join(', ')}], support: [${ids.join(', ')}, ${ids.join(', ')}] }\n` +
      `      - { id: b, title: T, due: 2020-01-01, responsible: [E1, X, E2, E1] }\n`;
    const clean = parse(text.replace(/ {6}- \{ id: b.*\n/, ''));
    const a = clean.roadmap!.stages[0]!.activities[0]!;
    expect([a.responsible.length, a.support.length, a.support.at(-1)]).toEqual([3_000, 3_000, 'E2999']);
    expect(lines(parse(text))).toEqual(["3010:63 unknown entity 'X'"]);
  });
});
