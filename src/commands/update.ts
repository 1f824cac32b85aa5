/**
 * `roadmap update`: the edit commands as questions. Pick a roadmap, an activity
 * (most urgent first), an edit and its details; see the diff; confirm; write.
 */
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { readWindowOption, type Edit, type EditKind } from '../edit/apply.js';
import { byUrgency, evaluate, type ActivityReport } from '../evaluate.js';
import type { Roadmap } from '../model.js';
import { inert } from '../text/inert.js';
import { activityWhen, windowText } from '../render/words.js';
import { load, type GlobalOptions } from '../shell/context.js';
import { commit, diffOf, futureDate, prepareEdit, preparePlan, type EditDeps, type Prepared, type Recorded } from '../shell/edit.js';
import { command } from '../shell/command.js';
import { perform, type Output } from '../shell/effects.js';
import { EXIT, type Io } from '../shell/io.js';
import { DEFAULT_WIDTH, resolveRun, todayOf, type Run } from '../shell/run.js';
import { inquirerPrompter, planCancellable, requireTerminal, type Choice, type Prompter } from '../shell/prompts.js';
import { assessChoices, assessDetails } from './update/assess.js';
import { STRUCTURE_KINDS, structureChoices, structureDetails, type StructureKind } from './update/structure.js';

export async function plan(run: Run): Promise<Output> {
  requireTerminal(run.io, 'update', 'roadmap done|start|cancel|reopen|move|assess|assign|set|remove <id> or roadmap add <stage> (see roadmap help done)');
  return planUpdate(run, await inquirerPrompter());
}

export const run = command<GlobalOptions>(plan);

/** The flow with a given prompter (tests script it); performs its Output and returns the exit code. */
export async function updateFlow(options: GlobalOptions, io: Io, ask: Prompter, deps: EditDeps = {}): Promise<number> {
  return perform(await planUpdate(await resolveRun(options, io), ask, deps), io);
}

/**
 * The questions, then the Output. The dialogue (the list, the diff shown before
 * the confirmation) goes to the terminal as it happens; the write is the edit's own,
 * under the file's lock (as runEdit's); the Output carries what is said after.
 */
function planUpdate(run: Run, ask: Prompter, deps: EditDeps = {}): Promise<Output> {
  return planCancellable(async () => {
    const io = run.io;
    const loaded = await load(run);
    const roadmap = await pickRoadmap(ask, loaded.roadmaps);
    const today = todayOf(run.today, roadmap);
    const report = evaluate([roadmap], { today, horizonDays: run.horizon });
    const picked = await pickActivity(ask, [...report.activities].sort(byUrgency), run.columns ?? DEFAULT_WIDTH.table);
    const kind = await ask.select<EditKind | 'assess' | StructureKind>({
      message: 'What happened?',
      choices: [...editChoices(picked), ...assessChoices(roadmap), ...structureChoices(roadmap, picked)],
    });
    let prepared: Prepared;
    if (kind === 'assess') prepared = preparePlan(io, roadmap, await assessDetails(ask, roadmap, picked, today));
    else if (isStructure(kind)) prepared = preparePlan(io, roadmap, await structureDetails(ask, kind, roadmap, picked));
    else {
      const window = await askWindow(ask, picked, kind);
      const edit = await details(ask, kind, picked, window, today);
      prepared = prepareEdit(io, { roadmap, activity: picked.activity }, window === undefined ? undefined : String(window + 1), edit);
    }
    if (!prepared.result.changed) return { stdout: `${prepared.result.summary}\n`, exit: EXIT.ok };
    io.out(diffOf(io, prepared));
    if (!(await ask.confirm({ message: `Write this change to ${inert(prepared.file)}?`, default: true }))) {
      return { stderr: 'roadmap: nothing was written\n', exit: EXIT.ok };
    }
    await commit(run, prepared, deps);
    return { stdout: `${prepared.result.summary}\n`, exit: EXIT.ok };
  });
}

function isStructure(kind: EditKind | 'assess' | StructureKind): kind is StructureKind {
  return (STRUCTURE_KINDS as readonly string[]).includes(kind);
}

async function pickRoadmap(ask: Prompter, roadmaps: readonly Roadmap[]): Promise<Roadmap> {
  const [only] = roadmaps;
  if (only && roadmaps.length === 1) return only;
  return ask.select({
    message: 'Which roadmap?',
    choices: roadmaps.map((r) => ({ name: `${inert(r.id)}  ${inert(r.title)}`, value: r, description: inert(r.file) })),
  });
}

/** One line per activity (long titles clipped to the terminal, so the list does not wrap). */
export function activityChoice(r: ActivityReport, width: number): Choice<ActivityReport> {
  const a = r.activity;
  const name = `${inert(a.id)}  ${r.state.padEnd(8)}  ${activityWhen(r).padEnd(16)}  ${inert(a.title)}`;
  const room = Math.max(30, width - 3); // the cursor column
  return {
    name: name.length > room ? `${name.slice(0, room - 1)}…` : name,
    short: `${inert(a.id)} ${inert(a.title)}`,
    value: r,
    description: `${a.windows.map(windowText).join('; ')}${a.responsible.length ? ` · ${a.responsible.map(inert).join(', ')}` : ''}`,
  };
}

async function pickActivity(ask: Prompter, activities: readonly ActivityReport[], width: number): Promise<ActivityReport> {
  const choices = activities.map((a) => activityChoice(a, width));
  return ask.search({
    message: 'Which activity? (type to filter by id, title, state or entity)',
    source: (term) => {
      const words = term.toLowerCase().split(/\s+/).filter(Boolean);
      return choices.filter((c) => {
        const hay = `${c.value.activity.id} ${c.value.state} ${c.value.activity.title} ${c.value.activity.responsible.join(' ')}`.toLowerCase();
        return words.every((w) => hay.includes(w));
      });
    },
  });
}

function editChoices(r: ActivityReport): Choice<EditKind>[] {
  // What the file records (a completion dated after today can still be reopened).
  const closed = (s: 'done' | 'cancelled') => r.activity.windows.some((w) => (s === 'done' ? w.done : w.cancelled) !== null);
  const allCancelled = r.state === 'cancelled';
  return [
    { name: 'Mark done', value: 'done', disabled: allCancelled ? 'cancelled: reopen it first' : false },
    { name: 'Record the start', value: 'start', disabled: allCancelled ? 'cancelled: reopen it first' : false },
    { name: 'Cancel (with a reason)', value: 'cancel', disabled: r.state === 'done' ? 'done: reopen it first' : allCancelled ? 'already cancelled' : false },
    { name: 'Reopen (remove done / cancelled)', value: 'reopen', disabled: closed('done') || closed('cancelled') ? false : 'neither done nor cancelled' },
    { name: 'Move to another window', value: 'move' },
  ];
}

/** Which window, for an activity with several (0-based); undefined = the activity as a whole. */
async function askWindow(ask: Prompter, r: ActivityReport, kind: EditKind): Promise<number | undefined> {
  if (r.windows.length < 2) return undefined;
  const choices: Choice<number | undefined>[] = r.windows.map((w, i) => ({
    name: `${i + 1}. ${windowText(w.window)}  ${w.state}`,
    value: i,
  }));
  const whole = kind === 'start' || kind === 'cancel' || (kind === 'reopen' && (r.activity.done !== null || r.activity.cancelled !== null));
  if (whole) choices.unshift({ name: 'the whole activity', value: undefined });
  const first = kind === 'reopen' ? r.windows.find((w) => w.state === 'done' || w.state === 'cancelled') : r.windows.find((w) => w.state !== 'done' && w.state !== 'cancelled');
  return ask.select({ message: 'Which window?', choices, default: whole ? undefined : first?.index });
}

/** A date up to today: a later one would not count until then (SPEC §2). */
function dateCheck(today: CalendarDate, what: Recorded): (v: string) => true | string {
  return (v) => {
    const d = parseDate(v.trim());
    if (!d) return 'write a date as YYYY-MM-DD';
    return futureDate(d, today, what) ?? true;
  };
}

async function details(ask: Prompter, kind: EditKind, r: ActivityReport, window: number | undefined, today: CalendarDate): Promise<Edit> {
  const w = r.activity.windows[window ?? 0];
  switch (kind) {
    case 'done': {
      const on = await ask.input({ message: 'Done on (YYYY-MM-DD):', default: today, validate: dateCheck(today, 'completion') });
      const links = await ask.input({ message: 'Evidence links (optional, separated by spaces):' });
      return { kind, on: parseDate(on.trim())!, evidence: links.split(/\s+/).filter(Boolean) };
    }
    case 'start': {
      const on = await ask.input({ message: 'Started on (YYYY-MM-DD):', default: today, validate: dateCheck(today, 'start') });
      return { kind, on: parseDate(on.trim())! };
    }
    case 'cancel': {
      const reason = await ask.input({ message: 'Why is it cancelled?', validate: (v) => (v.trim() ? true : 'give a reason') });
      return { kind, reason: reason.trim() };
    }
    case 'reopen':
      return { kind };
    case 'move': {
      const current = w ? (w.startText === w.endText ? w.startText : `${w.startText}..${w.endText}`) : '';
      const to = await ask.input({ message: 'New window (e.g. 2019-05..2019-06, 2019-06, 2019-12-31):', default: current, validate: windowCheck });
      return { kind, to: to.trim() };
    }
  }
}

function windowCheck(v: string): true | string {
  const w = readWindowOption(v);
  return w.ok || w.problem;
}
