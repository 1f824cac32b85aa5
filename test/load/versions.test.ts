import { describe, expect, it } from 'vitest';
import { diffRoadmaps } from '../../src/diff/compare.js';
import { parseRoadmap, READERS, type Reader, type Readers } from '../../src/load/parse.js';
import type { PMap, PNode } from '../../src/load/yaml.js';

/** Renames mapping keys everywhere in a tree; positions stay those of the original text. */
function renameKeys(node: PNode, names: Record<string, string>): PNode {
  if (node.kind === 'seq') return { ...node, items: node.items.map((n) => renameKeys(n, names)) };
  if (node.kind === 'scalar') return node;
  return {
    ...node,
    pairs: node.pairs.map((p) => ({
      key: names[p.key.value] ? { ...p.key, value: names[p.key.value]! } : p.key,
      value: p.key.value === 'schema' && p.value.kind === 'scalar' ? { ...p.value, value: '1' } : renameKeys(p.value, names),
    })),
  };
}

/** A migration: rewrite the tree to schema 1 in memory, read it, and remember the version read. */
const migrate =
  (version: number, names: Record<string, string>): Reader =>
  (root, b) => {
    const roadmap = READERS[1]!(renameKeys(root, names) as PMap, b);
    return roadmap && { ...roadmap, schema: version };
  };

// A made-up older format (activities had `name:`) and newer one (entities were `owners:`).
const readers: Readers = { 0: migrate(0, { name: 'title' }), ...READERS, 2: migrate(2, { owners: 'entities' }) };

const file = (schema: number, window: string) => `schema: ${schema}
id: demo
title: Demo
${schema === 2 ? 'owners' : 'entities'}:
  A: Agency
stages:
  - id: S
    title: Stage
    activities:
      - id: "1"
        ${schema === 0 ? 'name' : 'title'}: Report
        window: ${window}
        responsible: A
`;

describe('format versions', () => {
  it('this release reads schema 1 only', () => {
    expect(Object.keys(READERS)).toEqual(['1']);
  });

  it('refuses a newer file with a clear message at the schema line', () => {
    const r = parseRoadmap(file(2, '2024-03'), 'new.yaml');
    expect(r.problems).toEqual([
      {
        file: 'new.yaml',
        line: 1,
        column: 9,
        severity: 'error',
        message: 'this file is written for a newer version of roadmap (schema 2); this version reads schema 1: upgrade roadmap',
      },
    ]);
  });

  it('reads older and newer files through registered readers into the same model', () => {
    const old = parseRoadmap(file(0, '2024-03'), 'old.yaml', readers);
    const now = parseRoadmap(file(1, '2024-03'), 'now.yaml', readers);
    const next = parseRoadmap(file(2, '2024-03'), 'next.yaml', readers);
    expect([old.roadmap?.schema, now.roadmap?.schema, next.roadmap?.schema]).toEqual([0, 1, 2]);
    expect(old.roadmap?.stages[0]?.activities[0]?.title).toBe('Report');
    expect(next.roadmap?.entities.get('A')?.name).toBe('Agency');
    // diff compares models: across versions, identical content has no change at all.
    expect(diffRoadmaps([old.roadmap!], [next.roadmap!]).changes).toEqual([]);
  });

  it('diffs a schema-0 file against a schema-2 file by meaning', () => {
    const old = parseRoadmap(file(0, '2024-03'), 'old.yaml', readers).roadmap!;
    const next = parseRoadmap(file(2, '2024-05'), 'next.yaml', readers).roadmap!;
    expect(diffRoadmaps([old], [next]).changes).toMatchObject([{ kind: 'window-moved', activity: '1', startShift: 61, endShift: 61 }]);
  });

  it('reports problems in a migrated file where they are in the file as written', () => {
    const r = parseRoadmap(file(0, '2024-13'), 'old.yaml', readers);
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['12:17 2024-13 is not a month']);
  });
});
