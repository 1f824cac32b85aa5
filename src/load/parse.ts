/** One file's text to a roadmap, or every problem in it. Pure: no file system. */
import type { Problem, Roadmap } from '../model.js';
import { Builder } from './build.js';
import { roadmapType, SCHEMA_VERSION } from './format.js';
import { LineIndex } from './lines.js';
import { parseYaml, type PMap, type PNode } from './yaml.js';

export type ParseResult =
  | { readonly ok: true; readonly roadmap: Roadmap; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly roadmap: null; readonly problems: readonly Problem[] };

/** Reads one format version's tree into the model, reporting problems through the builder. */
export type Reader = (root: PMap, b: Builder) => Roadmap | null;
export type Readers = Readonly<Record<number, Reader>>;

/**
 * Readers by format version: the versions this release reads. A future schema 2
 * adds its reader here; an older version keeps a reader that migrates its tree to
 * the current one in memory, so every version yields the same model (the file is
 * never rewritten).
 */
export const READERS: Readers = Object.freeze({
  1: (root: PMap, b: Builder) => {
    const input = roadmapType.check(root, b);
    return input ? b.build(input) : null;
  },
});

function schemaVersion(root: PMap, b: Builder, readers: Readers): number | null {
  const pair = root.pairs.find((p) => p.key.value === 'schema');
  if (!pair) return SCHEMA_VERSION; // the type check reports the missing key
  const v = pair.value;
  if (v.kind !== 'scalar' || !v.plain || !/^\d+$/.test(v.value)) return SCHEMA_VERSION;
  const n = Number(v.value);
  if (readers[n]) return n;
  const newest = Math.max(...Object.keys(readers).map(Number));
  b.error(
    v,
    n > newest
      ? `this file is written for a newer version of roadmap (schema ${n}); this version reads schema ${newest}: upgrade roadmap`
      : `schema ${n} is not a format version of roadmap; use schema: ${newest}`,
  );
  return null;
}

/** `readers` is for tests that prove a migration; the program reads READERS. */
export function parseRoadmap(text: string, file: string, readers: Readers = READERS): ParseResult {
  const lines = new LineIndex(text);
  const b = new Builder(file, lines);
  const fail = (): ParseResult => ({ ok: false, roadmap: null, problems: [...b.problems].sort((x, y) => x.line - y.line || x.column - y.column) });
  const yaml = parseYaml(text);
  for (const p of yaml.problems) b.error({ start: p.offset }, p.message);
  const root: PNode | null = yaml.root;
  if (yaml.problems.length > 0 && !root) return fail();
  if (root?.kind !== 'map') {
    b.error(root ?? { start: 0 }, root ? 'a roadmap file is a mapping with schema, id, title and stages' : 'the file is empty: a roadmap needs schema, id, title and stages');
    return fail();
  }
  const version = schemaVersion(root, b, readers);
  const read = version === null ? undefined : readers[version];
  const roadmap = read ? read(root, b) : null;
  return roadmap && b.problems.length === 0 ? { ok: true, roadmap, problems: [] } : fail();
}
