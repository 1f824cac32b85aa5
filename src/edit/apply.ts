/**
 * The edits of SPEC §3 (done, start, cancel, reopen, move) on one roadmap file's
 * text. Pure: `planEdit(text, file, request)` → the new text or the problems,
 * checked by reading the result back as a roadmap. A new edit is a variant of
 * `Edit` and a case of `perform`; its command only builds the request.
 */
import type { CalendarDate } from '../calendar/date.js';
import { parseWindowText } from '../calendar/window.js';
import { parseRoadmap } from '../load/parse.js';
import type { PMap, PNode } from '../load/yaml.js';
import { parseYamlFully } from '../load/yaml.js';
import type { Activity, Problem, Roadmap, Status, Window } from '../model.js';
import { inert } from '../text/inert.js';
import { activityNode, windowNode } from './locate.js';
import { isRefused, pairOf, refused, scalarText, Source, type Refused } from './source.js';

export type Edit =
  | { readonly kind: 'done'; readonly on: CalendarDate; readonly evidence: readonly string[] }
  | { readonly kind: 'start'; readonly on: CalendarDate }
  | { readonly kind: 'cancel'; readonly reason: string }
  | { readonly kind: 'reopen' }
  | { readonly kind: 'move'; readonly to: string };

export type EditKind = Edit['kind'];

export interface EditRequest {
  readonly activity: string;
  /** `--window`: a label or a 1-based number, for activities written with `windows:`. */
  readonly window?: string | undefined;
  readonly edit: Edit;
}

export type EditPlan =
  | { readonly ok: true; readonly changed: boolean; readonly text: string; readonly summary: string; readonly roadmap: Roadmap }
  | { readonly ok: false; readonly message: string; readonly problems: readonly Problem[] };

/** Where the edit lands: the activity itself, or item `index` of its `windows:` list. */
interface Target {
  readonly activity: Activity;
  readonly index: number | null;
  /** The status the edit sees (the window's own, or the activity's). */
  readonly status: Status;
  readonly window: Window | undefined;
  readonly name: string;
}

/** Which edits cannot be made on a whole activity written with `windows:`. */
const NEEDS_WINDOW: ReadonlySet<EditKind> = new Set(['done', 'move']);

export function planEdit(text: string, file: string, request: EditRequest): EditPlan {
  const before = parseRoadmap(text, file);
  if (!before.ok) return { ok: false, message: `${file} is not a valid roadmap`, problems: before.problems };
  const source = Source.open(text);
  if (isRefused(source)) return refusal(source);
  const target = targetOf(before.roadmap, source, request);
  if (isRefused(target)) return refusal(target);
  const said = perform(source, target, request.edit);
  if (isRefused(said)) return refusal(said);
  if (source.text === text) {
    const unchanged = said.startsWith('unchanged') ? said : 'unchanged';
    return { ok: true, changed: false, text, summary: `${prefix(before.roadmap, target)}: ${unchanged}`, roadmap: before.roadmap };
  }
  const after = parseRoadmap(source.text, file);
  if (!after.ok) return { ok: false, message: `this edit would make ${file} invalid, so nothing was written`, problems: after.problems };
  const wrong = checkResult(before.roadmap, after.roadmap, target, request.edit);
  if (wrong) return refusal(wrong);
  return { ok: true, changed: true, text: source.text, summary: `${prefix(before.roadmap, target)}: ${said}`, roadmap: after.roadmap };
}

/** A refusal as the plan says it: a message, no file problems. */
export function refusal(r: Refused): { ok: false; message: string; problems: [] } {
  return { ok: false, message: r.refused, problems: [] };
}

function prefix(roadmap: Roadmap, target: Target): string {
  return `${inert(roadmap.id)} ${inert(target.activity.id)}${target.index === null ? '' : ` [${target.name}]`}`;
}

function activityIn(roadmap: Roadmap, id: string): Activity | Refused {
  for (const stage of roadmap.stages) for (const a of stage.activities) if (a.id === id) return a;
  return refused(`no activity ${inert(id)} in roadmap ${inert(roadmap.id)}`);
}

function windowLabel(w: Window, index: number): string {
  return w.label === null ? `#${index + 1}` : inert(w.label);
}

function windowChoices(activity: Activity): string {
  return activity.windows.map((w, i) => `${i + 1} (${w.label === null ? `${w.startText}..${w.endText}` : `"${inert(w.label)}"`})`).join(', ');
}

/** `--window` read as a label, else as a 1-based number. */
function windowIndex(activity: Activity, wanted: string): number | Refused {
  const exact = activity.windows.findIndex((w) => w.label === wanted);
  if (exact >= 0) return exact;
  const folded = activity.windows.findIndex((w) => w.label?.toLowerCase() === wanted.trim().toLowerCase());
  if (folded >= 0) return folded;
  if (/^\d+$/.test(wanted.trim())) {
    const n = Number(wanted);
    if (n >= 1 && n <= activity.windows.length) return n - 1;
  }
  return refused(`activity ${inert(activity.id)} has no window ${JSON.stringify(inert(wanted))}; its windows: ${windowChoices(activity)}`);
}

function targetOf(roadmap: Roadmap, source: Source, request: EditRequest): Target | Refused {
  const activity = activityIn(roadmap, request.activity);
  if (isRefused(activity)) return activity;
  const node = activityNode(source.root(), activity.id);
  if (isRefused(node)) return node;
  const multi = pairOf(node, 'windows') !== undefined;
  const kind = request.edit.kind;
  const at = (index: number | null | Refused): Target | Refused => {
    if (isRefused(index)) return index;
    const window = index === null ? activity.windows[0] : activity.windows[index];
    const item = index === null ? null : windowNode(node, index);
    if (isRefused(item)) return item;
    const status = item === null ? activity : ownStatus(window!, item);
    return { activity, index, status, window, name: index === null ? '' : windowLabel(window!, index) };
  };
  if (!multi) {
    if (request.window !== undefined && request.window.trim() !== '1') {
      return refused(`activity ${inert(activity.id)} has a single window; --window is for activities written with windows:`);
    }
    return at(null);
  }
  if (request.window !== undefined) return at(windowIndex(activity, request.window));
  if (kind === 'reopen') return at(reopenIndex(activity));
  if (!NEEDS_WINDOW.has(kind)) return at(null);
  if (activity.windows.length === 1) return at(0);
  return refused(`activity ${inert(activity.id)} has several windows; say which with --window <label|n>: ${windowChoices(activity)}`);
}

/** Reopen without --window: the activity's own status, else the one window that is done or cancelled. */
function reopenIndex(activity: Activity): number | null | Refused {
  if (activity.done !== null || activity.cancelled !== null) return null;
  const closed = activity.windows.flatMap((w, i) => (w.done !== null || w.cancelled !== null ? [i] : []));
  if (closed.length === 1) return closed[0]!;
  if (closed.length === 0) return null;
  return refused(`activity ${inert(activity.id)} has several windows done or cancelled; say which with --window <label|n>: ${windowChoices(activity)}`);
}

/** A window's own status fields (the model fills in the activity's where the window has none). */
function ownStatus(w: Window, item: PNode): Status {
  const has = (key: string) => item.kind === 'map' && pairOf(item, key) !== undefined;
  return {
    done: has('done') ? w.done : null,
    started: has('started') ? w.started : null,
    cancelled: has('cancelled') ? w.cancelled : null,
    evidence: w.evidence,
    notes: w.notes,
  };
}

/** The mapping to write status keys into (a window written as a string becomes `{window: ...}`). */
function statusMap(source: Source, target: Target): PMap | Refused {
  const activity = activityNode(source.root(), target.activity.id);
  if (isRefused(activity) || target.index === null) return activity;
  const item = windowNode(activity, target.index);
  if (isRefused(item) || item.kind === 'map') return item;
  if (item.kind !== 'scalar' || item.style === 'literal' || item.style === 'folded') return refused('cannot edit this window entry in place');
  source.replace(item, `{window: ${source.text.slice(item.start, item.end)}}`);
  const again = activityNode(source.root(), target.activity.id);
  return isRefused(again) ? again : (windowNode(again, target.index) as PMap | Refused);
}

function dateValue(map: PMap, key: string, date: string): string {
  const old = pairOf(map, key)?.value;
  return scalarText(date, { flow: map.flow, like: old?.kind === 'scalar' ? old : undefined });
}

function perform(source: Source, target: Target, edit: Edit): string | Refused {
  const { status } = target;
  const name = `${target.index === null ? 'activity' : 'window'} ${inert(target.activity.id)}${target.index === null ? '' : ` [${target.name}]`}`;
  switch (edit.kind) {
    case 'done': {
      if (status.cancelled !== null) return refused(`${name} is cancelled (${inert(status.cancelled)}); reopen it first`);
      const fresh = [...new Set(edit.evidence)].filter((e) => !status.evidence.includes(e));
      if (status.done === edit.on && fresh.length === 0) return `unchanged (already done ${edit.on})`;
      const map = statusMap(source, target);
      if (isRefused(map)) return map;
      const set = status.done !== edit.on ? source.set(map, 'done', dateValue(map, 'done', edit.on)) : undefined;
      const appended = set ?? appendEvidence(source, target, fresh);
      if (appended) return appended;
      const was = status.done !== null && status.done !== edit.on ? ` (was ${status.done})` : '';
      const added = fresh.length ? `, evidence +${fresh.length}` : '';
      return `done ${edit.on}${was}${added}`;
    }
    case 'start': {
      if (status.cancelled !== null) return refused(`${name} is cancelled (${inert(status.cancelled)}); reopen it first`);
      if (status.started === edit.on) return `unchanged (already started ${edit.on})`;
      const map = statusMap(source, target);
      const set = isRefused(map) ? map : source.set(map, 'started', dateValue(map, 'started', edit.on));
      if (set) return set;
      return `started ${edit.on}${status.started ? ` (was ${status.started})` : ''}`;
    }
    case 'cancel': {
      if (status.done !== null) return refused(`${name} is done (${status.done}); reopen it before cancelling it`);
      if (edit.reason.trim() === '') return refused('give a reason: --reason <text>');
      if (status.cancelled === edit.reason) return 'unchanged (already cancelled for this reason)';
      const map = statusMap(source, target);
      const set = isRefused(map) ? map : source.set(map, 'cancelled', scalarText(edit.reason, { flow: map.flow }));
      if (set) return set;
      return `cancelled: ${inert(edit.reason)}`;
    }
    case 'reopen': {
      if (status.done === null && status.cancelled === null) return 'unchanged (neither done nor cancelled)';
      const map = statusMap(source, target);
      const done = isRefused(map) ? map : source.remove(map, 'done');
      if (done) return done;
      const again = statusMap(source, target);
      const cancelled = isRefused(again) ? again : source.remove(again, 'cancelled');
      if (cancelled) return cancelled;
      return `reopened (was ${status.done !== null ? `done ${status.done}` : `cancelled: ${inert((status.cancelled ?? '').trim())}`})`;
    }
    case 'move':
      return move(source, target, edit.to);
  }
}

function appendEvidence(source: Source, target: Target, urls: readonly string[]): Refused | undefined {
  if (urls.length === 0) return undefined;
  const map = statusMap(source, target);
  if (isRefused(map)) return map;
  const block = urls.map((u) => scalarText(u));
  const flow = urls.map((u) => scalarText(u, { flow: true }));
  return source.append(map, 'evidence', map.flow ? flow : block, flow);
}

export type WindowOption =
  | { readonly ok: true; readonly text: string; readonly single: boolean }
  /** `problem` as a prompt says it; `message` as the --to flag's error. */
  | { readonly ok: false; readonly problem: string; readonly message: string };

/** A new window as YAML text: a window string, or a flow mapping `{start: A, end: B}`. */
export function readWindowOption(to: string): WindowOption {
  const t = to.trim();
  if (t.startsWith('{')) {
    const parsed = parseYamlFully(t);
    const root = parsed.root;
    const keys =
      root?.kind === 'map'
        ? root.pairs
            .map((p) => p.key.value)
            .sort()
            .join(',')
        : '';
    if (parsed.problems.length > 0 || root?.kind !== 'map' || !root.flow || keys !== 'end,start') {
      const problem = `${JSON.stringify(inert(t))}: write a window such as 2019-05..2019-06, or {start: A, end: B}`;
      return { ok: false, problem, message: `--to ${problem}` };
    }
    return { ok: true, text: t.replace(/\s*\n\s*/g, ' '), single: false };
  }
  const w = parseWindowText(t);
  if (!w.ok) return { ok: false, problem: w.error, message: `--to: ${w.error}` };
  const { start, end } = w.value;
  if (start.kind === 'fixed' && end.kind === 'fixed' && end.last < start.first) {
    const problem = `${inert(t)} ends (${end.last}) before it starts (${start.first})`;
    return { ok: false, problem, message: `--to ${problem}` };
  }
  return { ok: true, text: t, single: !t.includes('..') };
}

function move(source: Source, target: Target, to: string): string | Refused {
  const wanted = readWindowOption(to);
  if (!wanted.ok) return refused(wanted.message);
  const activity = activityNode(source.root(), target.activity.id);
  if (isRefused(activity)) return activity;
  const w = target.window;
  const was = !w ? '' : w.startText === w.endText ? w.startText : `${w.startText}..${w.endText}`;
  let map: PMap;
  if (target.index === null) map = activity;
  else {
    const item = windowNode(activity, target.index);
    if (isRefused(item)) return item;
    if (item.kind !== 'map') {
      // A window written as a string stays a string.
      const list = pairOf(activity, 'windows')?.value;
      const flow = list?.kind === 'seq' && list.flow;
      source.replace(item, wanted.text.startsWith('{') ? wanted.text : scalarText(wanted.text, { flow }));
      return moved(wanted.text, was);
    }
    map = item;
  }
  const key = pairOf(map, 'window') ? 'window' : 'due';
  const pair = pairOf(map, key);
  if (!pair) return refused(`activity ${inert(target.activity.id)} has no window: or due: to move`);
  const like = pair.value.kind === 'scalar' ? pair.value : undefined;
  const value = wanted.text.startsWith('{') ? wanted.text : scalarText(wanted.text, { flow: map.flow, like });
  const set = key === 'due' && wanted.single ? source.set(map, 'due', value) : source.replacePair(map, pair, 'window', value);
  return set ?? moved(wanted.text, was);
}

function moved(to: string, was: string): string {
  return `moved to ${inert(to)}${was ? ` (was ${inert(was)})` : ''}`;
}

/** The edit did what it said, and nothing else changed in the roadmap's status. */
function checkResult(before: Roadmap, after: Roadmap, target: Target, edit: Edit): Refused | undefined {
  const wrong = (what: string) => refused(`internal check failed after the edit (${what}); nothing was written. This is a bug in roadmap; please report it`);
  if (after.id !== before.id || after.revision !== before.revision) return wrong('roadmap id or revision changed');
  const a = activityIn(after, target.activity.id);
  if (isRefused(a)) return a;
  const w = target.index === null ? a.windows[0] : a.windows[target.index];
  const seen = target.index === null ? a : w;
  if (!seen) return wrong('window missing');
  if (edit.kind === 'done' && seen.done !== edit.on) return wrong('done date');
  if (edit.kind === 'done' && !edit.evidence.every((e) => seen.evidence.includes(e))) return wrong('evidence');
  if (edit.kind === 'start' && seen.started !== edit.on) return wrong('started date');
  if (edit.kind === 'cancel' && seen.cancelled !== edit.reason) return wrong('cancelled');
  if (edit.kind === 'reopen' && target.index !== null && (w?.done !== (a.done ?? null) || w?.cancelled !== (a.cancelled ?? null))) return wrong('reopen');
  if (edit.kind === 'reopen' && target.index === null && (a.done !== null || a.cancelled !== null)) return wrong('reopen');
  const others = (r: Roadmap) =>
    new Map(
      r.stages
        .flatMap((s) => s.activities)
        .filter((x) => x.id !== target.activity.id)
        .map((x) => [x.id, JSON.stringify(statusKey(x))]),
    );
  const then = others(before);
  const changed = [...others(after)].filter(([id, key]) => then.get(id) !== key).map(([id]) => inert(id));
  if (changed.length > 0) {
    // The one way a splice inside one activity reaches another: YAML shared through an anchor and aliases.
    return refused(`this edit would also change activity ${changed.join(', ')}: part of the file is shared through a YAML anchor (&name) and alias (*name); edit the file by hand`);
  }
  if (edit.kind !== 'move') {
    const windows = (x: Activity) => x.windows.map((v) => [v.start, v.end, v.label]);
    if (JSON.stringify(windows(target.activity)) !== JSON.stringify(windows(a))) return wrong('windows changed');
  }
  return undefined;
}

function statusKey(a: Activity): unknown {
  return [a.id, a.title, a.done, a.started, a.cancelled, a.evidence, a.responsible, a.windows.map((w) => [w.label, w.done, w.started, w.cancelled, w.evidence])];
}
