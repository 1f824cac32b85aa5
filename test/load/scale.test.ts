/** Inputs of unusual size: the loader must stay correct (and linear) on them. */
import { describe, expect, it } from 'vitest';
import { SLOW_INPUTS } from '../../bench/generate.mjs';
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
    expect(lines(r)).toEqual([
      '3009:36 relative dates form a cycle: a3000 -> a2999 -> a2998 -> a2997 -> … 2,993 more … -> a3 -> a2 -> a1 -> a3000 (a cycle of 3,000)',
    ]);
  });

  it('names a short cycle in full', () => {
    const r = parse(SLOW_INPUTS.ring(8));
    expect(lines(r)).toEqual(['17:36 relative dates form a cycle: a8 -> a7 -> a6 -> a5 -> a4 -> a3 -> a2 -> a1 -> a8']);
  });
});
