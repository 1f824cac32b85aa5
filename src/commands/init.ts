/**
 * `roadmap init`: a new roadmap file, from flags or, in a terminal, from
 * questions for what the flags leave out.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isTimeZone, zoneSpelling } from '../calendar/today.js';
import { parseWindowText } from '../calendar/window.js';
import { scaffold, type Scaffold } from '../edit/scaffold.js';
import { ENTITY_ID, ITEM_ID, ROADMAP_ID } from '../load/format.js';
import { parseRoadmap } from '../load/parse.js';
import { inert } from '../text/inert.js';
import { packageRoot, type GlobalOptions } from '../shell/context.js';
import type { EditDeps } from '../shell/edit.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { EXIT, UserError, type Io } from '../shell/io.js';
import type { Run } from '../shell/run.js';
import { formatProblem } from '../shell/problems.js';
import { inquirerPrompter, planCancellable, requireTerminal, type Prompter } from '../shell/prompts.js';
import { PACKAGE_NAME } from '../version.js';

export interface InitOptions extends GlobalOptions {
  readonly id?: string;
  readonly title?: string;
  readonly timezone?: string;
  readonly entity?: string[];
  readonly stageId?: string;
  readonly stageTitle?: string;
  readonly stageWindow?: string;
  readonly output?: string;
  readonly dryRun?: boolean;
}

const FLAGS = 'roadmap init --id <id> --title <title> [--timezone <zone>] [--entity ID=Name]... [--stage-title <title>] [--output <file>]';
const DEFAULT_STAGE = { id: 'I', title: 'First stage' };

export async function plan(run: Run, options: InitOptions): Promise<Output> {
  if (options.id !== undefined && options.title !== undefined) return initFlow(options, run.io, null);
  requireTerminal(run.io, 'init', `the flags: ${FLAGS}`);
  return initFlow(options, run.io, await inquirerPrompter());
}

export const run = command(plan);

/** With `ask` null, everything comes from the flags (and their defaults). */
export async function initFlow(options: InitOptions, io: Io, ask: Prompter | null, deps: EditDeps = {}): Promise<Output> {
  return planCancellable(() => create(options, io, ask, deps));
}

type Check = (v: string) => true | string;

const all =
  (...each: Check[]): Check =>
  (v) => {
    for (const check of each) {
      const ok = check(v);
      if (ok !== true) return ok;
    }
    return true;
  };

const checks = {
  id: (v: string) => ROADMAP_ID.test(v) || 'lower-case letters, digits and -, starting with a letter or digit (e.g. my-plan-2025)',
  title: (v: string) => v.trim() !== '' || 'give a title',
  timezone: (v: string) => {
    if (v === '') return true;
    const spelled = zoneSpelling(v);
    if (spelled === true) return true;
    return spelled ? `unknown time zone '${inert(v)}'; did you mean '${spelled}'?` : `'${inert(v)}' is not an IANA time zone (e.g. Europe/Paris, Asia/Baku, UTC)`;
  },
  entityId: (v: string) => ENTITY_ID.test(v) || "letters, digits, '.', '-' and '_' (e.g. MOF)",
  stageId: (v: string) => ITEM_ID.test(v) || "letters, digits, '.', '-' and '_' (e.g. I or 1)",
  window: (v: string) => {
    if (v.trim() === '') return true;
    const w = parseWindowText(v);
    if (!w.ok) return w.error;
    const { start, end } = w.value;
    // A new roadmap has no activity yet to count from (and the stage itself would be a cycle).
    if (start.kind !== 'fixed' || end.kind !== 'fixed') return 'write dates here (a day, a month or a year): there is nothing yet to count from';
    return end.last >= start.first || `it ends (${end.last}) before it starts (${start.first})`;
  },
} satisfies Record<string, Check>;

/** An entity id not given yet (the file would hold the key twice). */
const newEntity =
  (entities: ReadonlyArray<{ id: string }>): Check =>
  (v) =>
    !entities.some((e) => e.id === v) || `${v} is already an entity of this roadmap: give another id (empty when done)`;

function flag(name: string, value: string | undefined, check: Check): string | undefined {
  if (value === undefined) return undefined;
  const ok = check(value.trim());
  if (ok !== true) throw new UserError(`${name} ${JSON.stringify(inert(value))}: ${ok}`);
  return value.trim();
}

function entityFlags(values: readonly string[] = []): Array<{ id: string; name: string }> {
  const entities: Array<{ id: string; name: string }> = [];
  for (const v of values) {
    const eq = v.indexOf('=');
    const id = v.slice(0, eq).trim();
    const name = v.slice(eq + 1).trim();
    if (eq < 0 || !name) throw new UserError(`--entity ${JSON.stringify(inert(v))}: write ID=Full name, e.g. --entity "MOF=Ministry of Finance"`);
    flag('--entity', id, checks.entityId);
    if (entities.some((e) => e.id === id)) throw new UserError(`--entity ${JSON.stringify(inert(v))}: ${inert(id)} is given twice`);
    entities.push({ id, name });
  }
  return entities;
}

async function create(options: InitOptions, io: Io, ask: Prompter | null, deps: EditDeps): Promise<Output> {
  let id = flag('--id', options.id, checks.id);
  let title = flag('--title', options.title, checks.title);
  let timezone = flag('--timezone', options.timezone, checks.timezone);
  const entities = entityFlags(options.entity);
  let stage = {
    id: flag('--stage-id', options.stageId, checks.stageId) ?? DEFAULT_STAGE.id,
    title: flag('--stage-title', options.stageTitle, checks.title) ?? DEFAULT_STAGE.title,
    window: flag('--stage-window', options.stageWindow, checks.window),
  };
  let output = options.output;
  if (ask) {
    const text = (message: string, validate: Check, value?: string) => ask.input({ message, default: value, validate: (v) => validate(v.trim()) }).then((v) => v.trim());
    id = await text('Roadmap id:', checks.id, id);
    title = await text('Title:', checks.title, title);
    timezone = await text('Time zone in which "today" is taken (IANA, empty for none):', checks.timezone, timezone ?? localZone());
    for (;;) {
      const entity = await text(`Id of a responsible entity${entities.length ? ' (empty when done)' : ' (empty for none)'}:`, (v) => v === '' || all(checks.entityId, newEntity(entities))(v));
      if (!entity) break;
      entities.push({ id: entity, name: await text(`Full name of ${entity}:`, checks.title) });
    }
    stage = {
      id: await text('First stage, id:', checks.stageId, stage.id),
      title: await text('First stage, title:', checks.title, stage.title),
      window: (await text('First stage, window (e.g. 2025-01..2025-06; empty for none):', checks.window, stage.window)) || undefined,
    };
    output = await text('File to create:', (v) => v !== '' || 'give a file name', output ?? defaultOutput(id!));
  }
  const file = output ?? defaultOutput(id!);
  const abs = path.resolve(io.cwd, file);
  const shown = path.relative(io.cwd, abs).split(path.sep).join('/') || file;
  if (existsSync(abs)) throw new UserError(`${shown} already exists; choose another file with --output`);
  const ref = schemaRef(abs, io.cwd);
  const spec: Scaffold = { schemaRef: ref.path, id: id!, title: title!, timezone: timezone || undefined, entities, stage };
  const content = scaffold(spec);
  // Every answer was checked at its question; this catches what only the whole file shows.
  const draftName = `${shown}.draft`;
  const parsed = parseRoadmap(content, ask ? draftName : shown);
  if (!parsed.ok) {
    const why = `the new roadmap would not be valid: ${parsed.problems.map(formatProblem).join('; ')}`;
    if (!ask) throw new UserError(why);
    throw await keepDraft(io, abs, shown, content, why);
  }
  if (options.dryRun) return { stdout: content, exit: EXIT.ok };
  if (ask) {
    io.out(`\n${content}\n`);
    if (!(await ask.confirm({ message: `Create ${inert(shown)}?`, default: true }))) return { stderr: 'roadmap: nothing was written\n', exit: EXIT.ok };
  }
  return {
    files: [{ path: abs, text: content, inputs: [], create: { shown, fs: deps.fs }, refused: ask ? (error) => keepDraft(io, abs, shown, content, error.message) : undefined }],
    stdout: `created ${inert(shown)}\n`,
    stderr: ref.tip && !options.quiet ? `roadmap: ${ref.tip}\n` : undefined,
    exit: EXIT.ok,
  };
}

/**
 * The answers are not lost when the file cannot be made: the text goes to FILE.draft
 * (which no directory search reads as a roadmap), else to stdout.
 */
async function keepDraft(io: Io, abs: string, shown: string, content: string, why: string): Promise<UserError> {
  try {
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(`${abs}.draft`, content, { flag: 'wx' });
    return new UserError(`${why}; your answers are kept in ${inert(shown)}.draft (rename it to ${inert(shown)} when you can)`);
  } catch {
    io.out(`\n${content}`);
    return new UserError(`${why}; the new file's text is printed above: copy it from there`);
  }
}

function defaultOutput(id: string): string {
  return path.join('roadmaps', `${id}.yaml`);
}

function localZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : undefined;
}

const SCHEMA = path.join('schema', 'roadmap.schema.json');
const posix = (p: string) => p.split(path.sep).join('/');

/**
 * The schema the editor modeline points at, relative to the new file: this
 * package's schema when the file is inside the package (its own repository),
 * else an installed copy under node_modules/roadmap-tracker, else ../schema/ beside the
 * roadmaps directory, which `roadmap schema` can create.
 */
export function schemaRef(abs: string, cwd: string): { path: string; tip?: string } {
  const dir = path.dirname(abs);
  const pkg = packageRoot();
  const inside = path.relative(pkg, abs);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) return { path: posix(path.relative(dir, path.join(pkg, SCHEMA))) };
  for (let d = dir; ; d = path.dirname(d)) {
    const installed = path.join(d, 'node_modules', PACKAGE_NAME, SCHEMA);
    if (existsSync(installed)) return { path: posix(path.relative(dir, installed)) };
    if (path.dirname(d) === d) break;
  }
  const fallback = path.join(dir, '..', SCHEMA);
  if (existsSync(fallback)) return { path: `../${posix(SCHEMA)}` };
  // The shell's > creates no directory: the tip must work where schema/ does not exist yet.
  const shown = posix(path.relative(cwd, fallback));
  const create = `mkdir -p ${shellWord(path.posix.dirname(shown))} && roadmap schema > ${shellWord(shown)}`;
  return { path: `../${posix(SCHEMA)}`, tip: `the file's schema line points at ../${posix(SCHEMA)}; create it with: ${create}` };
}

/** A path as one word for a POSIX shell (quoted only when it needs to be). */
function shellWord(p: string): string {
  return /^[\w./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
