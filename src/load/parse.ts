/** One file's text to a roadmap, or every problem in it. Pure: no file system. */
import type { Problem, Roadmap } from '../model.js';
import { Builder } from './build.js';
import { roadmapType, SCHEMA_VERSION } from './format.js';
import { LineIndex } from './lines.js';
import { parseYaml, type PMap, type PNode } from './yaml.js';

export type ParseResult =
  | { readonly ok: true; readonly roadmap: Roadmap; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly roadmap: null; readonly problems: readonly Problem[] };

/**
 * Readers by format version. A future schema 2 adds its reader here, or a
 * migration from its tree to schema 1's, so every version yields the same model.
 */
const READERS: Record<number, (root: PMap, b: Builder) => Roadmap | null> = {
  1: (root, b) => {
    const input = roadmapType.check(root, b);
    return input ? b.build(input) : null;
  },
};

function schemaVersion(root: PMap, b: Builder): number | null {
  const pair = root.pairs.find((p) => p.key.value === 'schema');
  if (!pair) return SCHEMA_VERSION; // the type check reports the missing key
  const v = pair.value;
  if (v.kind !== 'scalar' || !v.plain || !/^\d+$/.test(v.value)) return SCHEMA_VERSION;
  const n = Number(v.value);
  if (READERS[n]) return n;
  const newest = Math.max(...Object.keys(READERS).map(Number));
  b.error(v, n > newest
    ? `this file is written for a newer version of roadmap (schema ${n}); this version reads schema ${newest}: upgrade roadmap`
    : `schema ${n} is not a format version of roadmap; use schema: ${newest}`);
  return null;
}

export function parseRoadmap(text: string, file: string): ParseResult {
  const lines = new LineIndex(text);
  const b = new Builder(file, lines);
  const fail = (): ParseResult => ({ ok: false, roadmap: null, problems: [...b.problems].sort((x, y) => x.line - y.line || x.column - y.column) });
  const yaml = parseYaml(text);
  for (const p of yaml.problems) b.error({ start: p.offset }, p.message);
  const root: PNode | null = yaml.root;
  if (yaml.problems.length > 0 && !root) return fail();
  if (!root || root.kind !== 'map') {
    b.error(root ?? { start: 0 }, root ? 'a roadmap file is a mapping with schema, id, title and stages' : 'the file is empty: a roadmap needs schema, id, title and stages');
    return fail();
  }
  const version = schemaVersion(root, b);
  const read = version === null ? undefined : READERS[version];
  const roadmap = read ? read(root, b) : null;
  return roadmap && b.problems.length === 0 ? { ok: true, roadmap, problems: [] } : fail();
}
