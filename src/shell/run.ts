/**
 * The command line and the environment, resolved once into a frozen `Run`: every
 * global and filter flag is checked here, before any file is read, and nothing
 * below the commands reads the environment, the clock or the terminal again.
 */
import type { CalendarDate } from '../calendar/date.js';
import { dateIn, fixedToday } from '../calendar/today.js';
import { evaluate, type Report } from '../evaluate.js';
import type { Loaded } from '../load/index.js';
import { STATES, type Roadmap, type State } from '../model.js';
import { plain, type Paint } from '../render/paint.js';
import { narrow } from '../select.js';
import { closest } from '../suggest.js';
import { filterOf, load, roadmapPaths, type FilterOptions, type GlobalOptions } from './context.js';
import { UserError, type Io } from './io.js';

/** Today as the roadmaps take it: fixed by --today or ROADMAP_TODAY, else the date in each roadmap's zone. */
export interface Today {
  readonly fixed: CalendarDate | null;
  readonly now: Date;
}

export interface Run {
  readonly io: Io;
  readonly quiet: boolean;
  /** The roadmaps' paths by the one rule (SPEC §3); asked for only by the commands that read them. */
  readonly paths: () => readonly string[];
  readonly revision: number | undefined;
  readonly horizon: number;
  readonly today: Today;
  /** --stage, --entity (checked against the roadmaps once loaded) and --state. */
  readonly filter: FilterOptions;
  readonly states: readonly State[] | undefined;
  /** Colour for stdout, decided once (--no-color, NO_COLOR, FORCE_COLOR, a terminal). */
  readonly paint: Paint;
  /** The terminal's width (or COLUMNS), when there is one; each view has its own default. */
  readonly columns: number | undefined;
  /** Whether `columns` is a terminal's own width rather than COLUMNS's. */
  readonly terminal: boolean;
}

/** The widest output drawn: a width from the environment (COLUMNS=99999999999) must not size an allocation. */
export const MAX_WIDTH = 1000;

/**
 * The width of output that is not a terminal (README: status and timeline): a table (status,
 * update) fits a wide CI log; the timeline chart keeps to the width it is documented at.
 */
export const DEFAULT_WIDTH = { table: 120, chart: 100 } as const;

/** Every integer flag is read by this one rule: digits only, within bounds. */
export function wholeNumber(flag: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER, words?: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UserError(`${flag} expects ${words ?? (max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`)}, not ${JSON.stringify(value)}`);
  }
  return n;
}

/** A comma-separated list of names from `known`, with the nearest name for a typo. */
export function parseList<T extends string>(value: string, known: readonly T[], flag: string, what: string, hint: string): T[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of names) {
    if (!(known as readonly string[]).includes(s)) {
      const near = closest(s, known, 1);
      throw new UserError(`${flag}: unknown ${what} '${s}'${near.length ? `; did you mean '${near[0]}'?` : ''} (${hint})`);
    }
  }
  return names as T[];
}

export function parseStates(value: string | undefined, flag: string): State[] | undefined {
  return value === undefined ? undefined : parseList(value, STATES, flag, 'state', `states: ${STATES.join(', ')}`);
}

function colourWanted(options: GlobalOptions, io: Io): boolean {
  if (options.color === false) return false;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdoutTTY && io.env.TERM !== 'dumb';
}

function columnsOf(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  const columns = io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
  return columns === undefined ? undefined : Math.min(MAX_WIDTH, columns);
}

/** The one place the command line and the environment become a Run. */
export async function resolveRun(options: GlobalOptions & FilterOptions, io: Io): Promise<Run> {
  const horizon = wholeNumber('--horizon', options.horizon, 0) ?? 14;
  const revision = wholeNumber('--revision', options.revision, 1);
  const states = parseStates(options.state, '--state');
  const choice = fixedToday({ flag: options.today, env: io.env.ROADMAP_TODAY, now: io.now() });
  if (!choice.ok) throw new UserError(choice.error);
  let paths: readonly string[] | undefined;
  let paint = plain;
  if (colourWanted(options, io)) {
    const [{ Chalk }, { chalkPaint }] = await Promise.all([import('chalk'), import('../render/paint.js')]);
    paint = chalkPaint(new Chalk({ level: 1 }) as never);
  }
  return Object.freeze({
    io,
    quiet: options.quiet === true,
    paths: () => (paths ??= Object.freeze(roadmapPaths(options, io))),
    revision,
    horizon,
    today: Object.freeze({ fixed: choice.fixed, now: io.now() }),
    filter: Object.freeze({ stage: options.stage, entity: options.entity, state: options.state }),
    states,
    paint,
    columns: columnsOf(io),
    terminal: io.columns !== undefined,
  });
}

/** Today for one roadmap. */
export function todayOf(today: Today, roadmap: Roadmap): CalendarDate {
  return today.fixed ?? dateIn(today.now, roadmap.timezone ?? undefined);
}

/** Today for an evaluation of several roadmaps: one date when they share a zone, else each its own. */
export function todayFor(today: Today, roadmaps: readonly Roadmap[]): { today: CalendarDate; todayOf?: (r: Roadmap) => CalendarDate } {
  if (today.fixed) return { today: today.fixed };
  const zones = new Set(roadmaps.map((r) => r.timezone ?? undefined));
  return { today: zones.size === 1 ? dateIn(today.now, [...zones][0]) : dateIn(today.now), todayOf: (r) => todayOf(today, r) };
}

/** Load, evaluate and narrow: what status, check, timeline and report all start from. */
export async function loadReport(run: Run): Promise<{ loaded: Loaded; report: Report }> {
  const loaded = await load(run);
  const full = evaluate(loaded.roadmaps, { ...todayFor(run.today, loaded.roadmaps), horizonDays: run.horizon });
  return { loaded, report: narrow(full, { ...filterOf(run.filter, loaded.roadmaps), states: run.states }) };
}
