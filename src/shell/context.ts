/**
 * Where roadmaps are found and how they are loaded and filtered, for every command
 * (the rest of the command line is resolved in run.ts).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRoadmaps, type Loaded } from '../load/index.js';
import type { Entity, Roadmap } from '../model.js';
import { inert } from '../text/inert.js';
import type { Filter } from '../select.js';
import { closest } from '../suggest.js';
import { UserError, type Io } from './io.js';
import { problemLines, problemSummary } from './problems.js';

export interface GlobalOptions {
  readonly roadmap?: string[];
  readonly today?: string;
  readonly horizon?: string;
  readonly revision?: string;
  readonly color?: boolean;
  readonly quiet?: boolean;
}

export interface FilterOptions {
  readonly stage?: string[];
  readonly entity?: string[];
  readonly state?: string;
}

/** The package's own directory (its schema/ and roadmaps/), found from this module's place in it. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const HOW = 'give --roadmap PATH, set ROADMAP_PATH, or create one with roadmap init';

const isDirectory = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

/** A file named from the top of the work tree around `cwd` (else from cwd), with `/`: as CI annotations and reports name it. */
export function repoPathOf(cwd: string): (file: string) => string {
  const top = workTreeTop(cwd) ?? cwd;
  return (file) => path.relative(top, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** The top of the git work tree holding `dir`, found as git finds it (.git a directory or a file); null outside one. */
export function workTreeTop(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return null;
  }
}

/**
 * The one rule for where roadmaps are read (SPEC §3), for every command and both
 * sides of diff: --roadmap, else ROADMAP_PATH, else the nearest roadmaps/ from the
 * working directory up to the work tree's top. Never a silent fallback elsewhere:
 * a CI job run from the wrong directory must fail. Paths are relative to cwd.
 */
export function roadmapPaths(options: GlobalOptions, io: Io): string[] {
  if (options.roadmap?.length) {
    if (options.roadmap.some((p) => p.trim() === '')) throw new UserError('--roadmap expects a file or directory, not ""');
    return options.roadmap;
  }
  const fromEnv = io.env.ROADMAP_PATH;
  // Set but empty counts as unset, as for most variables; set to only separators is a mistake.
  if (fromEnv) {
    const paths = fromEnv.split(path.delimiter).filter((p) => p.trim() !== '');
    if (paths.length === 0) throw new UserError(`ROADMAP_PATH is ${JSON.stringify(inert(fromEnv))}, which names no file or directory; list paths separated by '${path.delimiter}', or unset it`);
    return paths;
  }
  const top = workTreeTop(io.cwd);
  for (let d = io.cwd; ; d = path.dirname(d)) {
    const dir = path.join(d, 'roadmaps');
    if (isDirectory(dir)) return [path.relative(io.cwd, dir) || '.'];
    if (top === null || d === top || path.dirname(d) === d) break;
  }
  const where = top === null ? `in ${io.cwd} only, as it is not inside a git work tree` : `from ${io.cwd} up to ${top}`;
  throw new UserError(`no roadmaps found (looked for roadmaps/ ${inert(where)}); ${HOW}`);
}

/** Loads the roadmaps, printing every problem; throws exit 2 when any is an error. */
export async function load(run: { readonly paths: () => readonly string[]; readonly revision: number | undefined; readonly io: Io }): Promise<Loaded> {
  return checked(await loadRoadmaps(run.paths(), { revision: run.revision, cwd: run.io.cwd }), run.io);
}

/** Prints every error of a load and stops with exit 2, as every command does. */
export function checked(loaded: Loaded, io: Io): Loaded {
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    io.err(`${problemLines(errors).join('\n')}\n`);
    throw new UserError(problemSummary(errors));
  }
  return loaded;
}

/** The filter asked for, with every stage and entity named checked against the roadmaps. */
export function filterOf(options: FilterOptions, roadmaps: readonly Roadmap[]): Pick<Filter, 'stages' | 'entities'> {
  const split = (v: string[] | undefined) =>
    v
      ?.flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean);
  const stages = split(options.stage);
  const entities = split(options.entity);
  const known = (kind: string, names: string[] | undefined, all: Set<string>) => {
    for (const n of names ?? []) {
      if (all.has(n)) continue;
      const near = closest(n, all, 3);
      throw new UserError(`unknown ${kind} '${n}'${near.length ? `; did you mean ${near.map((x) => `'${x}'`).join(' or ')}?` : ''}`);
    }
  };
  known('stage', stages, new Set(roadmaps.flatMap((r) => r.stages.map((s) => s.id))));
  knownEntities(entities, roadmaps);
  return { stages, entities };
}

/** At most this many entities are listed after an unknown one (a portfolio may have thousands). */
const LISTED_ENTITIES = 40;

/**
 * Every --entity must be an id or alias. An unknown one is answered with the nearest id
 * or alias, else the entities whose name holds the word ('Platform'), and the list.
 */
function knownEntities(names: readonly string[] | undefined, roadmaps: readonly Roadmap[]): void {
  const byId = new Map<string, Entity>();
  for (const r of roadmaps) for (const e of r.entities.values()) if (!byId.has(e.id)) byId.set(e.id, e);
  const all = [...byId.values()];
  const owner = new Map(all.flatMap((e) => [e.id, ...e.aliases].map((x) => [x, e.id] as const)));
  const unknown = names?.find((n) => !owner.has(n));
  if (unknown === undefined) return;
  const word = unknown.toLowerCase();
  // One suggestion per entity: its nearest id or alias.
  let near: string[] = [];
  const suggested = new Set<string>();
  for (const x of closest(unknown, owner.keys(), 6)) {
    const id = owner.get(x)!;
    if (suggested.has(id) || near.length === 3) continue;
    suggested.add(id);
    near.push(`'${inert(x)}'`);
  }
  if (near.length === 0 && word.length >= 3) {
    near = all
      .filter((e) => [e.name, ...e.aliases].some((x) => x.toLowerCase().includes(word)))
      .slice(0, 3)
      .map((e) => `'${inert(e.id)}' (${inert(e.name)})`);
  }
  const shown = all.slice(0, LISTED_ENTITIES).map((e) => `${inert(e.id)}${e.aliases.length ? ` (alias ${e.aliases.map((a) => `'${inert(a)}'`).join(', ')})` : ''}`);
  const more = all.length > LISTED_ENTITIES ? `, … and ${all.length - LISTED_ENTITIES} more` : '';
  throw new UserError(`unknown entity '${inert(unknown)}'${near.length ? `; did you mean ${near.join(' or ')}?` : ''}\n  entities: ${shown.join(', ') || 'none'}${more}`);
}
