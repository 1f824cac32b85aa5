/**
 * The global options every command takes, turned into what the core needs:
 * roadmap paths, today, horizon, revision, colour.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CalendarDate } from '../calendar/date.js';
import { dateIn, fixedToday } from '../calendar/today.js';
import { evaluate, type Report } from '../evaluate.js';
import { loadRoadmaps, type Loaded } from '../load/index.js';
import { STATES, type Entity, type Roadmap, type State } from '../model.js';
import { inert } from '../render/inert.js';
import { plain, type Paint } from '../render/paint.js';
import { narrow, type Filter } from '../select.js';
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

/** The top of the git work tree holding `dir`, found as git finds it (.git a directory or a file); null outside one. */
function workTreeTop(dir: string): string | null {
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
  const where = top === null
    ? `in ${io.cwd} only, as it is not inside a git work tree`
    : `from ${io.cwd} up to ${top}`;
  throw new UserError(`no roadmaps found (looked for roadmaps/ ${inert(where)}); ${HOW}`);
}

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UserError(`${name} expects a whole number >= ${min}, not ${JSON.stringify(value)}`);
  return Number(value);
}

export function horizonOf(options: GlobalOptions): number {
  return wholeNumber('--horizon', options.horizon, 0) ?? 14;
}

export function revisionOf(options: GlobalOptions): number | undefined {
  return wholeNumber('--revision', options.revision, 1);
}

/** --today, ROADMAP_TODAY, else the date in each roadmap's zone, else the local date. */
export function todayFor(options: GlobalOptions, io: Io, roadmaps: readonly Roadmap[]): { today: CalendarDate; todayOf?: (r: Roadmap) => CalendarDate } {
  const choice = fixedToday({ flag: options.today, env: io.env.ROADMAP_TODAY, now: io.now() });
  if (!choice.ok) throw new UserError(choice.error);
  if (choice.fixed) return { today: choice.fixed };
  const now = io.now();
  const zones = new Set(roadmaps.map((r) => r.timezone ?? undefined));
  const today = zones.size === 1 ? dateIn(now, [...zones][0]) : dateIn(now);
  return { today, todayOf: (r) => dateIn(now, r.timezone ?? undefined) };
}

/** Colour only for a terminal, unless --no-color, NO_COLOR or FORCE_COLOR say otherwise. */
export function colourWanted(options: GlobalOptions, io: Io): boolean {
  if (options.color === false) return false;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdoutTTY && io.env.TERM !== 'dumb';
}

export async function paintFor(options: GlobalOptions, io: Io): Promise<Paint> {
  if (!colourWanted(options, io)) return plain;
  const [{ Chalk }, { chalkPaint }] = await Promise.all([import('chalk'), import('../render/paint.js')]);
  return chalkPaint(new Chalk({ level: 1 }) as never);
}

/** The widest output drawn: a width from the environment (COLUMNS=99999999999) must not size an allocation. */
export const MAX_WIDTH = 1000;

export function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  return Math.min(MAX_WIDTH, io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 120));
}

/** Loads the roadmaps, printing every problem; throws exit 2 when any is an error. */
export async function load(options: GlobalOptions, io: Io): Promise<Loaded> {
  const loaded = await loadRoadmaps(roadmapPaths(options, io), { revision: revisionOf(options), cwd: io.cwd });
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    io.err(problemLines(errors).join('\n') + '\n');
    throw new UserError(problemSummary(errors));
  }
  return loaded;
}

export function parseStates(value: string | undefined, flag: string): State[] | undefined {
  if (value === undefined) return undefined;
  const states = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of states) {
    if (!(STATES as readonly string[]).includes(s)) {
      const near = closest(s, STATES, 1);
      throw new UserError(`${flag}: unknown state '${s}'${near.length ? `; did you mean '${near[0]}'?` : ''} (states: ${STATES.join(', ')})`);
    }
  }
  return states as State[];
}

/** The filter asked for, with every stage and entity named checked against the roadmaps. */
export function filterOf(options: FilterOptions, roadmaps: readonly Roadmap[]): Filter {
  const split = (v: string[] | undefined) => v?.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
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
  return { stages, entities, states: parseStates(options.state, '--state') };
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
    near = all.filter((e) => [e.name, ...e.aliases].some((x) => x.toLowerCase().includes(word))).slice(0, 3).map((e) => `'${inert(e.id)}' (${inert(e.name)})`);
  }
  const shown = all.slice(0, LISTED_ENTITIES).map((e) => `${inert(e.id)}${e.aliases.length ? ` (alias ${e.aliases.map((a) => `'${inert(a)}'`).join(', ')})` : ''}`);
  const more = all.length > LISTED_ENTITIES ? `, … and ${all.length - LISTED_ENTITIES} more` : '';
  throw new UserError(`unknown entity '${inert(unknown)}'${near.length ? `; did you mean ${near.join(' or ')}?` : ''}\n  entities: ${shown.join(', ') || 'none'}${more}`);
}

/** Load, evaluate and narrow: what status, check, timeline and report all start from. */
export async function loadReport(options: GlobalOptions & FilterOptions, io: Io): Promise<{ loaded: Loaded; report: Report; full: Report }> {
  const horizonDays = horizonOf(options);
  parseStates(options.state, '--state');
  todayFor(options, io, []); // a bad --today is reported before any file is read
  const loaded = await load(options, io);
  const full = evaluate(loaded.roadmaps, { ...todayFor(options, io, loaded.roadmaps), horizonDays });
  return { loaded, full, report: narrow(full, filterOf(options, loaded.roadmaps)) };
}
