/**
 * The edits that change a roadmap's structure rather than an activity's status:
 * add an activity, a stage or an entity, assign entities, set a text field,
 * remove an activity. Pure, like planEdit: the new text or why not, checked by
 * reading the result back as a roadmap. New lines follow their neighbours' style
 * (indentation, flow or block, quoting of ids), so a diff shows only them.
 */
import { parseWindowText } from '../calendar/window.js';
import { LineIndex } from '../load/lines.js';
import { parseRoadmap } from '../load/parse.js';
import type { PMap, PNode, PScalar, PSeq } from '../load/yaml.js';
import type { Activity, Roadmap } from '../model.js';
import { closest } from '../suggest.js';
import { inert, inertPath } from '../text/inert.js';
import { readWindowOption, refusal, type EditPlan } from './apply.js';
import { activityNode } from './locate.js';
import { columnOf, isRefused, lineEndAfter, lineStartOf, pairOf, refused, scalarText, Source, type Refused } from './source.js';

export interface NewActivity {
  readonly id: string;
  readonly title: string;
  readonly window: string;
  readonly responsible: readonly string[];
  readonly support: readonly string[];
  readonly period?: string | undefined;
}

export interface NewStage {
  readonly id: string;
  readonly title: string;
  readonly window?: string | undefined;
}

/** The text fields `set` changes; an empty string (or list) removes an optional one. */
export interface Fields {
  readonly title?: string | undefined;
  readonly period?: string | undefined;
  readonly notes?: string | undefined;
  readonly tags?: readonly string[] | undefined;
}

export type StructureEdit =
  | { readonly kind: 'add'; readonly stage: string; readonly activity: NewActivity; readonly after?: string | undefined }
  | { readonly kind: 'add-stage'; readonly stage: NewStage; readonly after?: string | undefined }
  | { readonly kind: 'add-entity'; readonly id: string; readonly name: string; readonly aliases: readonly string[] }
  | { readonly kind: 'assign'; readonly activity: string; readonly responsible?: readonly string[] | undefined; readonly support?: readonly string[] | undefined }
  | { readonly kind: 'set'; readonly activity: string; readonly fields: Fields }
  | { readonly kind: 'remove'; readonly activity: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function planStructureEdit(text: string, file: string, edit: StructureEdit): EditPlan {
  const before = parseRoadmap(text, file);
  if (!before.ok) return { ok: false, message: `${file} is not a valid roadmap`, problems: before.problems };
  const source = Source.open(text);
  if (isRefused(source)) return refusal(source);
  const context: Context = { source, roadmap: before.roadmap, file, lines: new LineIndex(text) };
  const said = perform(context, edit);
  if (isRefused(said.what)) return refusal(said.what);
  const prefix = `${inert(before.roadmap.id)} ${said.subject}`;
  if (source.text === text) return { ok: true, changed: false, text, summary: `${prefix}: unchanged`, roadmap: before.roadmap };
  const after = parseRoadmap(source.text, file);
  if (!after.ok) return { ok: false, message: `this edit would make ${file} invalid, so nothing was written`, problems: after.problems };
  const wrong = checkResult(before.roadmap, after.roadmap, edit);
  if (wrong) return refusal(wrong);
  return { ok: true, changed: true, text: source.text, summary: `${prefix}: ${said.what}`, roadmap: after.roadmap };
}

interface Context {
  readonly source: Source;
  readonly roadmap: Roadmap;
  readonly file: string;
  /** Positions in the text as read (refusals point into it). */
  readonly lines: LineIndex;
}

function perform(c: Context, edit: StructureEdit): { subject: string; what: string | Refused } {
  switch (edit.kind) {
    case 'assign':
      return { subject: inert(edit.activity), what: assign(c, edit.activity, edit.responsible, edit.support) };
    case 'set':
      return { subject: inert(edit.activity), what: setFields(c, edit.activity, edit.fields) };
    case 'remove':
      return { subject: inert(edit.activity), what: remove(c, edit.activity) };
    case 'add':
      return { subject: inert(edit.activity.id), what: addActivity(c, edit.stage, edit.activity, edit.after) };
    case 'add-stage':
      return { subject: inert(edit.stage.id), what: addStage(c, edit.stage, edit.after) };
    case 'add-entity':
      return { subject: inert(edit.id), what: addEntity(c, edit.id, edit.name, edit.aliases) };
  }
}

// ---- checks shared by the edits (also used by `update` at its prompts) ----

/** Why `id` cannot be a new stage or activity id of `roadmap`, or null. */
export function idProblem(roadmap: Roadmap, id: string): string | null {
  if (!ID.test(id)) return `${JSON.stringify(inert(id))} is not an id: letters, digits, '.', '-' and '_', starting with a letter or digit`;
  for (const stage of roadmap.stages) {
    const taken = stage.id === id ? `stage ${inert(id)}` : stage.activities.some((a) => a.id === id) ? `activity ${inert(id)}` : null;
    const at = stage.id === id ? stage.at : stage.activities.find((a) => a.id === id)?.at;
    if (taken && at) return `${inertPath(at.file)}:${at.line}:${at.column}: id ${inert(id)} is taken by ${taken} (stage and activity ids share one namespace)`;
  }
  return null;
}

/** Why these entity ids cannot be used in `roadmap`, or null; the nearest known id for a typo. */
export function entitiesProblem(roadmap: Roadmap, ids: readonly string[]): string | null {
  const known = new Set<string>();
  for (const [id, entity] of roadmap.entities) {
    known.add(id);
    for (const alias of entity.aliases) known.add(alias);
  }
  for (const id of ids) {
    if (known.has(id)) continue;
    const [near] = closest(id, roadmap.entities.keys(), 1);
    const hint = near ? `; did you mean '${inert(near)}'?` : '';
    return `unknown entity '${inert(id)}'${hint} (entities of ${inert(roadmap.id)}: ${[...roadmap.entities.keys()].map(inert).join(', ')}; add one with roadmap add-entity)`;
  }
  return null;
}

/** Why `window` cannot be a new window of `roadmap`, or null: its syntax, its order, the items it counts from. */
export function windowProblem(window: string, roadmap?: Roadmap): string | null {
  const w = readWindowOption(window);
  if (!w.ok) return w.problem;
  if (!roadmap) return null;
  const ids = roadmap.stages.flatMap((s) => [s.id, ...s.activities.map((a) => a.id)]);
  for (const ref of relativeRefs(w.text)) {
    if (ids.includes(ref)) continue;
    const [near] = closest(ref, ids, 1);
    return `${JSON.stringify(inert(window.trim()))} counts from '${inert(ref)}', which is no stage or activity of ${inert(roadmap.id)}${near ? `; did you mean '${inert(near)}'?` : ''}`;
  }
  return null;
}

/** The ids a window string or `{start, end}` mapping counts from. */
function relativeRefs(text: string): string[] {
  const terms = text.startsWith('{') ? [...text.matchAll(/(?:start|end)\s*:\s*([^,}]+)/g)].map((m) => m[1]!) : [text];
  return terms.flatMap((t) => {
    const w = parseWindowText(t.trim());
    return w.ok ? [w.value.start, w.value.end].flatMap((d) => (d.kind === 'relative' ? [d.ref] : [])) : [];
  });
}

/** A check's problem as a refusal. */
function fail(message: string | null): Refused | undefined {
  return message === null ? undefined : refused(message);
}

function where(c: Context, offset: number): string {
  const { line, column } = c.lines.at(offset);
  return `${inertPath(c.file)}:${line}:${column}`;
}

// ---- how values are written ----

function entityList(ids: readonly string[], flow: boolean, asList: boolean): string {
  if (ids.length === 1 && !asList) return scalarText(ids[0]!, { flow });
  return `[${ids.map((id) => scalarText(id, { flow: true })).join(', ')}]`;
}

/** A --window as read, or why it cannot be. */
function windowOf(window: string): string | Refused {
  const w = readWindowOption(window);
  return w.ok ? w.text : refused(w.message.replace(/^--to/, '--window'));
}

function windowValue(text: string, flow: boolean, like?: PScalar): string {
  return text.startsWith('{') ? text : scalarText(text, { flow, like: quoted(like) });
}

/** A neighbour's scalar when it is quoted: its quotes are the file's habit for that key. */
function quoted(node: PNode | undefined): PScalar | undefined {
  return node?.kind === 'scalar' && (node.style === 'single' || node.style === 'double') ? node : undefined;
}

function scalarOf(map: PMap, key: string): PScalar | undefined {
  const v = pairOf(map, key)?.value;
  return v?.kind === 'scalar' ? v : undefined;
}

/** An id written as the neighbours write theirs (`id: "2.10"` beside `id: "2.9"`); a number-like id is quoted anyway. */
function idValue(id: string, flow: boolean, like: PScalar | undefined): string {
  if (like) return scalarText(id, { flow, like: quoted(like) });
  return /^[\d.]+$/.test(id) ? JSON.stringify(id) : scalarText(id, { flow });
}

// ---- assign ----

function assign(c: Context, id: string, responsible: readonly string[] | undefined, support: readonly string[] | undefined): string | Refused {
  if (responsible === undefined && support === undefined) return refused('say what to assign: --responsible A,B and/or --support C,D (--support "" removes it)');
  if (responsible !== undefined && responsible.length === 0) return refused('an activity needs a responsible entity: --responsible A[,B]');
  const activity = activityOf(c.roadmap, id);
  if (isRefused(activity)) return activity;
  const unknown = fail(entitiesProblem(c.roadmap, [...(responsible ?? []), ...(support ?? [])]));
  if (unknown) return unknown;
  const said: string[] = [];
  if (responsible !== undefined) {
    const map = activityNode(c.source.root(), id);
    if (isRefused(map)) return map;
    const old = pairOf(map, 'responsible')?.value;
    const set = c.source.set(map, 'responsible', entityList(responsible, map.flow, old?.kind === 'seq' || responsible.length > 1));
    if (set) return set;
    said.push(`responsible ${responsible.map(inert).join(', ')}`);
  }
  if (support !== undefined) {
    const map = activityNode(c.source.root(), id);
    if (isRefused(map)) return map;
    const old = pairOf(map, 'support');
    if (support.length === 0) {
      const removed = old ? c.source.remove(map, 'support') : undefined;
      if (removed) return removed;
      said.push('no support');
    } else {
      const value = entityList(support, map.flow, old?.value.kind !== 'scalar' || support.length > 1);
      const set = old ? c.source.set(map, 'support', value) : addAfter(c.source, map, 'responsible', 'support', value);
      if (set) return set;
      said.push(`support ${support.map(inert).join(', ')}`);
    }
  }
  return said.join(', ');
}

/** Adds `key: value` right after `afterKey`'s value (else at the mapping's end). */
function addAfter(source: Source, map: PMap, afterKey: string, key: string, value: string): Refused | undefined {
  const pair = pairOf(map, afterKey);
  if (!pair) return source.add(map, key, value);
  if (map.flow) source.splice(pair.value.end, pair.value.end, `, ${key}: ${value}`);
  else {
    const indent = ' '.repeat(columnOf(source.text, pair.key.start));
    const at = lineEndAfter(source.text, pair.value.end);
    const line = `${indent}${key}: ${value}`;
    source.splice(at.offset, at.offset, at.needsBreak ? `${source.eol}${line}` : `${line}${source.eol}`);
  }
  return undefined;
}

// ---- set ----

function setFields(c: Context, id: string, fields: Fields): string | Refused {
  const activity = activityOf(c.roadmap, id);
  if (isRefused(activity)) return activity;
  const said: string[] = [];
  if (fields.title !== undefined && fields.title.trim() === '') return refused('a title cannot be empty');
  for (const key of ['title', 'period', 'notes'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    const map = activityNode(c.source.root(), id);
    if (isRefused(map)) return map;
    const set = value === '' ? c.source.remove(map, key) : c.source.set(map, key, scalarText(value, { flow: map.flow, like: quoted(scalarOf(map, key)) }));
    if (set) return set;
    said.push(value === '' ? `no ${key}` : `${key} ${JSON.stringify(inert(value))}`);
  }
  if (fields.tags !== undefined) {
    const map = activityNode(c.source.root(), id);
    if (isRefused(map)) return map;
    const set = fields.tags.length === 0 ? c.source.remove(map, 'tags') : c.source.set(map, 'tags', `[${fields.tags.map((t) => scalarText(t, { flow: true })).join(', ')}]`);
    if (set) return set;
    said.push(fields.tags.length ? `tags ${fields.tags.map(inert).join(', ')}` : 'no tags');
  }
  if (said.length === 0) return refused('say what to set: --title, --period, --notes and/or --tags');
  return said.join(', ');
}

// ---- remove ----

function remove(c: Context, id: string): string | Refused {
  const activity = activityOf(c.roadmap, id);
  if (isRefused(activity)) return activity;
  const referrers = referencesTo(c, id);
  if (referrers.length) {
    return refused(
      `cannot remove activity ${inert(id)}: ${referrers.length === 1 ? 'a relative date refers' : 'relative dates refer'} to it:\n${referrers.map((r) => `  ${r}`).join('\n')}\nchange those dates first (roadmap move)`,
    );
  }
  const node = activityNode(c.source.root(), id);
  const item = isRefused(node) ? node : itemOf(c, node);
  if (isRefused(item)) return item;
  const { stage, list, index } = item;
  // The last one goes with its `activities:` key, as add-stage writes a stage without one.
  const removed = list.items.length === 1 && !stage.flow ? c.source.remove(stage, 'activities') : removeItem(c.source, list, index);
  return removed ?? `removed ("${inert(activity.title)}")`;
}

/** Where another stage or activity dates itself from `id`, as `file:line:col: activity X (its date)`. */
function referencesTo(c: Context, id: string): string[] {
  const root = c.source.root();
  const found: string[] = [];
  const scan = (node: PNode, owner: string, skip?: string): void => {
    if (node.kind === 'scalar') {
      const w = parseWindowText(node.value);
      if (w.ok && [w.value.start, w.value.end].some((t) => t.kind === 'relative' && t.ref === id)) found.push(`${where(c, node.start)}: ${owner} (${inert(node.value)})`);
    } else if (node.kind === 'seq') {
      for (const n of node.items) scan(n, owner);
    } else {
      for (const p of node.pairs) if (p.key.value !== skip && DATED.has(p.key.value)) scan(p.value, owner);
    }
  };
  for (const stage of maps(root.kind === 'map' ? pairOf(root, 'stages')?.value : undefined)) {
    scan(stage, `stage ${inert(scalarOf(stage, 'id')?.value ?? '?')}`, 'activities');
    for (const a of maps(pairOf(stage, 'activities')?.value)) {
      const aid = scalarOf(a, 'id')?.value ?? '?';
      if (aid !== id) scan(a, `activity ${inert(aid)}`);
    }
  }
  return found;
}

/** The keys under which a date or a window is written (a note that reads "3.1.end" is no reference). */
const DATED: ReadonlySet<string> = new Set(['window', 'windows', 'due', 'start', 'end', 'milestones']);

function maps(node: PNode | undefined): PMap[] {
  return node?.kind === 'seq' ? node.items.filter((n): n is PMap => n.kind === 'map') : [];
}

/** The list holding an activity's mapping, and its place there. */
function itemOf(c: Context, node: PMap): { stage: PMap; list: PSeq; index: number } | Refused {
  const root = c.source.root();
  for (const stage of maps(root.kind === 'map' ? pairOf(root, 'stages')?.value : undefined)) {
    const list = pairOf(stage, 'activities')?.value;
    if (list?.kind !== 'seq') continue;
    const index = list.items.findIndex((n) => n.start === node.start);
    if (index >= 0) return { stage, list, index };
  }
  return refused("the activity is not in a stage's activities: list");
}

/** Removes item `index` of a list: in a block list its lines, and the comment lines right above it. */
function removeItem(source: Source, list: PSeq, index: number): Refused | undefined {
  const text = source.text;
  const item = list.items[index]!;
  if (list.flow) {
    const prev = list.items[index - 1];
    const next = list.items[index + 1];
    if (prev) source.splice(prev.end, item.end, '');
    else if (next) source.splice(item.start, next.start, '');
    else source.splice(list.start, list.end, '[]');
    return undefined;
  }
  let start = lineStartOf(text, item.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, item.start))) return refused("cannot remove an activity written on its parent's line; edit the file by hand");
  while (start > 0) {
    const above = lineStartOf(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(above, start))) break;
    start = above;
  }
  const end = lineEndAfter(text, item.end);
  // Without a line break after it, the last line takes the break before it along.
  if (end.needsBreak && start > 0) start -= source.eol.length;
  // Between two blank lines, one of them goes too: items set apart stay set apart once.
  const blank = (from: number) => /^[ \t]*\r?\n/.test(text.slice(from, text.indexOf('\n', from) + 1));
  const stop = !end.needsBreak && start > 0 && blank(lineStartOf(text, start - 1)) && end.offset < text.length && blank(end.offset) ? text.indexOf('\n', end.offset) + 1 : end.offset;
  source.splice(start, stop, '');
  return undefined;
}

// ---- add ----

function activityOf(roadmap: Roadmap, id: string): Activity | Refused {
  for (const stage of roadmap.stages) for (const a of stage.activities) if (a.id === id) return a;
  const near = closest(
    id,
    roadmap.stages.flatMap((s) => s.activities.map((a) => a.id)),
    1,
  );
  return refused(`no activity '${inert(id)}' in roadmap ${inert(roadmap.id)}${near.length ? `; did you mean '${inert(near[0]!)}'?` : ''}`);
}

function stageNode(root: PNode, id: string): { list: PSeq; index: number; map: PMap } | Refused {
  const list = root.kind === 'map' ? pairOf(root, 'stages')?.value : undefined;
  if (list?.kind === 'seq') {
    const index = list.items.findIndex((n) => n.kind === 'map' && scalarOf(n, 'id')?.value === id);
    if (index >= 0) return { list, index, map: list.items[index] as PMap };
  }
  return refused(`stage ${inert(id)} is not in the file`);
}

function addActivity(c: Context, stageId: string, a: NewActivity, after: string | undefined): string | Refused {
  const stage = c.roadmap.stages.find((s) => s.id === stageId);
  if (!stage) {
    const near = closest(
      stageId,
      c.roadmap.stages.map((s) => s.id),
      1,
    );
    return refused(
      `no stage '${inert(stageId)}' in roadmap ${inert(c.roadmap.id)}${near.length ? `; did you mean '${inert(near[0]!)}'?` : ''} (stages: ${c.roadmap.stages.map((s) => inert(s.id)).join(', ')})`,
    );
  }
  const wrong =
    fail(idProblem(c.roadmap, a.id)) ??
    (a.title.trim() === '' ? refused('a new activity needs a title: --title TEXT') : undefined) ??
    (a.responsible.length === 0 ? refused('a new activity needs a responsible entity: --responsible A[,B]') : undefined) ??
    fail(entitiesProblem(c.roadmap, [...a.responsible, ...a.support])) ??
    fail(windowProblem(a.window, c.roadmap));
  if (wrong) return wrong;
  if (after !== undefined && !stage.activities.some((x) => x.id === after)) {
    const near = closest(
      after,
      stage.activities.map((x) => x.id),
      1,
    );
    return refused(`--after: no activity '${inert(after)}' in stage ${inert(stage.id)}${near.length ? `; did you mean '${inert(near[0]!)}'?` : ''}`);
  }
  const window = windowOf(a.window);
  if (isRefused(window)) return window;
  const node = stageNode(c.source.root(), stage.id);
  if (isRefused(node)) return node;
  const stageMap = node.map;
  const list = pairOf(stageMap, 'activities')?.value;
  const items = list?.kind === 'seq' ? list.items : [];
  const index = after === undefined ? items.length - 1 : items.findIndex((n) => n.kind === 'map' && scalarOf(n, 'id')?.value === after);
  const neighbour = items[index];
  const like = neighbour?.kind === 'map' ? neighbour : undefined;
  const pairs = (flow: boolean): Array<[string, string]> => [
    ['id', idValue(a.id, flow, like && scalarOf(like, 'id'))],
    ['title', scalarText(a.title, { flow })],
    ['window', windowValue(window, flow, like && scalarOf(like, 'window'))],
    ...(a.period ? [['period', scalarText(a.period, { flow })] as [string, string]] : []),
    ['responsible', entityList(a.responsible, flow, false)],
    ...(a.support.length ? [['support', entityList(a.support, flow, true)] as [string, string]] : []),
  ];
  const added = list?.kind === 'seq' && neighbour ? insertItem(c.source, list, neighbour, pairs) : addList(c.source, stageMap, 'activities', pairs);
  return added ?? `added to stage ${inert(stage.id)}${after === undefined ? '' : ` after ${inert(after)}`}`;
}

/** A new item after `neighbour`, written as it is: a flow mapping on one line, or a block mapping. */
function insertItem(source: Source, list: PSeq, neighbour: PNode, pairs: (flow: boolean) => Array<[string, string]>, blankBefore = false): undefined {
  const text = source.text;
  const eol = source.eol;
  if (list.flow) {
    source.splice(neighbour.end, neighbour.end, `, ${flowMap(pairs(true))}`);
    return undefined;
  }
  const lineStart = lineStartOf(text, neighbour.start);
  let dash = text.slice(lineStart, neighbour.start);
  if (!/^[ \t]*-[ \t]+$/.test(dash)) dash = `${' '.repeat(columnOf(text, list.start))}- `;
  const flowItem = neighbour.kind === 'map' && neighbour.flow;
  const spaced = flowItem && /^\{[ \t]/.test(text.slice(neighbour.start, neighbour.start + 2));
  const lines = flowItem ? [`${dash}${flowMap(pairs(true), spaced)}`] : blockLines(dash, pairs(false));
  if (blankBefore) lines.unshift('');
  const at = lineEndAfter(text, neighbour.end);
  source.splice(at.offset, at.offset, at.needsBreak ? lines.map((l) => `${eol}${l}`).join('') : lines.map((l) => `${l}${eol}`).join(''));
  return undefined;
}

/** A mapping's first key on the dash line, the others under it. */
function blockLines(dash: string, pairs: Array<[string, string]>): string[] {
  const indent = ' '.repeat(dash.length);
  return pairs.map(([k, v], i) => `${i === 0 ? dash : indent}${k}: ${v}`);
}

function flowMap(pairs: Array<[string, string]>, spaced = false): string {
  const inner = pairs.map(([k, v]) => `${k}: ${v}`).join(', ');
  return spaced ? `{ ${inner} }` : `{${inner}}`;
}

/** `key:` with a one-item block list, added to a mapping that has no such key yet. */
function addList(source: Source, map: PMap, key: string, pairs: (flow: boolean) => Array<[string, string]>): Refused | undefined {
  if (map.flow) return source.add(map, key, `[${flowMap(pairs(true))}]`);
  const last = map.pairs[map.pairs.length - 1]!;
  const column = columnOf(source.text, map.pairs[0]!.key.start);
  const indent = ' '.repeat(column);
  const lines = [`${indent}${key}:`, ...blockLines(`${indent}  - `, pairs(false))];
  const at = lineEndAfter(source.text, last.value.end);
  const eol = source.eol;
  source.splice(at.offset, at.offset, at.needsBreak ? lines.map((l) => `${eol}${l}`).join('') : lines.map((l) => `${l}${eol}`).join(''));
  return undefined;
}

function addStage(c: Context, stage: NewStage, after: string | undefined): string | Refused {
  const wrong =
    fail(idProblem(c.roadmap, stage.id)) ??
    (stage.title.trim() === '' ? refused('a new stage needs a title: --title TEXT') : undefined) ??
    (stage.window !== undefined ? fail(windowProblem(stage.window, c.roadmap)) : undefined);
  if (wrong) return wrong;
  if (after !== undefined && !c.roadmap.stages.some((s) => s.id === after)) {
    const near = closest(
      after,
      c.roadmap.stages.map((s) => s.id),
      1,
    );
    return refused(`--after: no stage '${inert(after)}' in roadmap ${inert(c.roadmap.id)}${near.length ? `; did you mean '${inert(near[0]!)}'?` : ''}`);
  }
  const last = c.roadmap.stages[c.roadmap.stages.length - 1];
  if (!last) return refused('the roadmap has no stages: list to add to');
  const window = stage.window === undefined ? undefined : windowOf(stage.window);
  if (isRefused(window)) return window;
  const node = stageNode(c.source.root(), after ?? last.id);
  if (isRefused(node)) return node;
  const { list, map } = node;
  const pairs = (flow: boolean): Array<[string, string]> => [
    ['id', idValue(stage.id, flow, scalarOf(map, 'id'))],
    ['title', scalarText(stage.title, { flow })],
    ...(window === undefined ? [] : [['window', windowValue(window, flow, scalarOf(map, 'window'))] as [string, string]]),
  ];
  // Stages set apart by a blank line stay so.
  const text = c.source.text;
  const lineStart = lineStartOf(text, map.start);
  const blank = lineStart > 0 && /^[ \t]*\r?\n$/.test(text.slice(lineStartOf(text, lineStart - 1), lineStart));
  return insertItem(c.source, list, map, pairs, blank && !list.flow) ?? `stage added${after === undefined ? '' : ` after ${inert(after)}`}`;
}

function addEntity(c: Context, id: string, name: string, aliases: readonly string[]): string | Refused {
  if (!ID.test(id)) return refused(`${JSON.stringify(inert(id))} is not an entity id: letters, digits, '.', '-' and '_', starting with a letter or digit`);
  const taken = c.roadmap.entities.get(id);
  if (taken) return refused(`${inertPath(taken.at.file)}:${taken.at.line}:${taken.at.column}: entity ${inert(id)} is already there (${inert(taken.name)})`);
  if (name.trim() === '') return refused('a new entity needs a name: --name TEXT');
  const root = c.source.root();
  const entities = root.kind === 'map' ? pairOf(root, 'entities')?.value : undefined;
  const key = scalarText(id);
  if (entities?.kind !== 'map' || entities.pairs.length === 0) return refused('the roadmap has no entities: mapping to add to; write the first one by hand');
  const values = entities.pairs.map((p) => p.value);
  const mapped = aliases.length > 0 || values.every((v) => v.kind === 'map');
  const lastValue = values[values.length - 1]!;
  const flow = entities.flow;
  let added: Refused | undefined;
  if (!mapped) added = c.source.add(entities, key, scalarText(name, { flow }));
  else if (lastValue.kind === 'map' && !lastValue.flow && !flow) blockEntity(c.source, entities, key, name, aliases);
  else {
    const parts = [`name: ${scalarText(name, { flow: true })}`, ...(aliases.length ? [`aliases: [${aliases.map((x) => scalarText(x, { flow: true })).join(', ')}]`] : [])];
    const spaced = lastValue.kind === 'map' && /^\{[ \t]/.test(c.source.text.slice(lastValue.start, lastValue.start + 2));
    added = c.source.add(entities, key, spaced ? `{ ${parts.join(', ')} }` : `{${parts.join(', ')}}`);
  }
  return added ?? `entity added: ${inert(name)}`;
}

function blockEntity(source: Source, entities: PMap, key: string, name: string, aliases: readonly string[]): void {
  const last = entities.pairs[entities.pairs.length - 1]!;
  const indent = ' '.repeat(columnOf(source.text, entities.pairs[0]!.key.start));
  const inner = last.value.kind === 'map' && last.value.pairs[0] ? ' '.repeat(columnOf(source.text, last.value.pairs[0].key.start)) : `${indent}  `;
  const lines = [`${indent}${key}:`, `${inner}name: ${scalarText(name)}`];
  if (aliases.length) lines.push(`${inner}aliases: [${aliases.map((x) => scalarText(x, { flow: true })).join(', ')}]`);
  const at = lineEndAfter(source.text, last.value.end);
  source.splice(at.offset, at.offset, at.needsBreak ? lines.map((l) => `${source.eol}${l}`).join('') : lines.map((l) => `${l}${source.eol}`).join(''));
}

// ---- the result did what was asked ----

/** The edit did what it said, and nothing else changed; else why not (a bug, or YAML shared through an alias). */
function checkResult(before: Roadmap, after: Roadmap, edit: StructureEdit): Refused | undefined {
  const wrong = (what: string) => refused(`internal check failed after the edit (${what}); nothing was written. This is a bug in roadmap; please report it`);
  if (after.id !== before.id || after.revision !== before.revision) return wrong('roadmap id or revision changed');
  const ids = (r: Roadmap) => r.stages.flatMap((s) => [s.id, ...s.activities.map((a) => a.id)]);
  const expected = ids(before);
  switch (edit.kind) {
    case 'add': {
      const a = activityOf(after, edit.activity.id);
      if (isRefused(a)) return a;
      if (a.title !== edit.activity.title || a.stage !== edit.stage || a.responsible.join() !== resolved(before, edit.activity.responsible)) return wrong('new activity');
      expected.splice(expected.indexOf(edit.after ?? lastOf(before, edit.stage)) + 1, 0, edit.activity.id);
      break;
    }
    case 'add-stage': {
      const s = after.stages.find((x) => x.id === edit.stage.id);
      if (!s || s.title !== edit.stage.title) return wrong('new stage');
      const previous = before.stages.find((x) => x.id === (edit.after ?? before.stages[before.stages.length - 1]!.id))!;
      expected.splice(expected.indexOf(previous.activities[previous.activities.length - 1]?.id ?? previous.id) + 1, 0, edit.stage.id);
      break;
    }
    case 'add-entity':
      if (after.entities.get(edit.id)?.name !== edit.name) return wrong('new entity');
      break;
    case 'remove':
      expected.splice(expected.indexOf(edit.activity), 1);
      break;
    case 'assign': {
      const a = activityOf(after, edit.activity);
      if (isRefused(a)) return a;
      if (edit.responsible && a.responsible.join() !== resolved(before, edit.responsible)) return wrong('responsible');
      if (edit.support && a.support.join() !== resolved(before, edit.support)) return wrong('support');
      break;
    }
    case 'set': {
      const a = activityOf(after, edit.activity);
      if (isRefused(a)) return a;
      const f = edit.fields;
      if (f.title !== undefined && a.title !== f.title) return wrong('title');
      if (f.notes !== undefined && (a.notes ?? '') !== f.notes) return wrong('notes');
      if (f.tags !== undefined && a.tags.join('\n') !== f.tags.join('\n')) return wrong('tags');
      break;
    }
  }
  if (ids(after).join('\n') !== expected.join('\n')) return wrong('stages or activities other than the edited one changed');
  const edited = 'activity' in edit && typeof edit.activity === 'string' ? edit.activity : null;
  const others = (r: Roadmap) =>
    new Map(
      r.stages
        .flatMap((s) => s.activities)
        .filter((a) => a.id !== edited)
        .map((a) => [a.id, JSON.stringify(activityKey(a))]),
    );
  const then = others(before);
  const changed = [...others(after)].filter(([id, key]) => then.has(id) && then.get(id) !== key).map(([id]) => inert(id));
  if (changed.length > 0) {
    // The one way a splice inside one activity reaches another: YAML shared through an anchor and aliases.
    return refused(`this edit would also change activity ${changed.join(', ')}: part of the file is shared through a YAML anchor (&name) and alias (*name); edit the file by hand`);
  }
  return undefined;
}

function activityKey(a: Activity): unknown {
  return [a.title, a.stage, a.responsible, a.support, a.tags, a.notes, a.done, a.started, a.cancelled, a.evidence, a.windows.map((w) => [w.label, w.start, w.end, w.done, w.cancelled])];
}

/** Entity ids as the model holds them: an alias read as its entity's id. */
function resolved(roadmap: Roadmap, ids: readonly string[]): string {
  const byAlias = new Map([...roadmap.entities.values()].flatMap((e) => e.aliases.map((alias) => [alias, e.id] as const)));
  return ids.map((id) => (roadmap.entities.has(id) ? id : (byAlias.get(id) ?? id))).join();
}

function lastOf(roadmap: Roadmap, stageId: string): string {
  const stage = roadmap.stages.find((s) => s.id === stageId)!;
  return stage.activities[stage.activities.length - 1]?.id ?? stage.id;
}
