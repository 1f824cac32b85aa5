/**
 * The global options every command takes, turned into what the core needs:
 * roadmap paths, today, horizon, revision, colour.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CalendarDate } from '../calendar/date.js';
import { dateIn, fixedToday } from '../calendar/today.js';
import { evaluate, type Report } from '../evaluate.js';
import { loadRoadmaps, type Loaded } from '../load/index.js';
import { STATES, type Roadmap, type State } from '../model.js';
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

/** Where the shipped roadmaps live, found from this module's place in the package. */
export function shippedRoadmaps(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'roadmaps');
}

export function roadmapPaths(options: GlobalOptions, io: Io): string[] {
  if (options.roadmap?.length) return options.roadmap;
  const fromEnv = io.env.ROADMAP_PATH;
  if (fromEnv) return fromEnv.split(path.delimiter).filter(Boolean);
  if (existsSync(path.join(io.cwd, 'roadmaps'))) return ['roadmaps'];
  const shipped = shippedRoadmaps();
  if (!options.quiet) io.err(`roadmap: no ./roadmaps here and no --roadmap given; using the roadmaps shipped with roadmap (${shipped})\n`);
  return [shipped];
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
  known('entity', entities, new Set(roadmaps.flatMap((r) => [...r.entities.values()].flatMap((e) => [e.id, ...e.aliases]))));
  return { stages, entities, states: parseStates(options.state, '--state') };
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
