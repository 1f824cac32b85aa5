/**
 * Recording ratings: one or more assessments appended to activities' `assessments:`
 * lists in one roadmap file's text. Pure: text in, text or problems out (no throw),
 * byte-minimal (only the new lines or list items are written, in the file's own
 * style), and checked by reading the result back with the loader.
 */
import { LineIndex } from '../load/lines.js';
import { parseRoadmap } from '../load/parse.js';
import type { PMap, PNode, PSeq } from '../load/yaml.js';
import { COMPLETION, type Activity, type Position, type Problem, type Roadmap } from '../model.js';
import { inert } from '../text/inert.js';
import { activityNode } from './locate.js';
import { findActivity } from './find.js';
import { columnOf, isRefused, lineEndAfter, lineStartOf, pairOf, refused, scalarText, Source, type Refused } from './source.js';

/** One rating to record. `activity` is an id, or ROADMAP-ID:ID. */
export interface AssessmentRecord {
  readonly activity: string;
  readonly by: string;
  readonly asOf: string;
  readonly level: string;
  readonly scale?: string | undefined;
  readonly window?: string | undefined;
  readonly source?: string | undefined;
  readonly evidence?: readonly string[] | undefined;
  readonly note?: string | undefined;
  readonly published?: string | undefined;
  /** Where the record came from (a sheet's cell): problems with it are reported there. */
  readonly at?: Position | undefined;
}

export type AssessPlan = { readonly ok: true; readonly text: string; readonly summary: string; readonly roadmap: Roadmap } | { readonly ok: false; readonly problems: readonly Problem[] };

/** How the file writes assessment lists: flow items `{ by: X }` or block mappings, and the dash's indent. */
interface Style {
  readonly list: 'flow' | 'block';
  readonly items: 'flow' | 'block';
  readonly pad: boolean;
  /** Columns from the `assessments:` key to the item's dash, for a new block list. */
  readonly dash: number;
}

// What the specification and the shipped example write: a block list of padded flow mappings.
const DEFAULT_STYLE: Style = { list: 'block', items: 'flow', pad: true, dash: 2 };

interface Group {
  readonly activity: Activity;
  readonly records: AssessmentRecord[];
}

export function planAssessments(text: string, file: string, records: readonly AssessmentRecord[]): AssessPlan {
  const before = parseRoadmap(text, file);
  if (!before.ok) return { ok: false, problems: before.problems };
  const roadmap = before.roadmap;
  const problem = (r: AssessmentRecord, message: string): Problem => ({ ...(r.at ?? { file, line: 0, column: 0 }), severity: 'error', message });
  const problems: Problem[] = [];
  const groups = new Map<Activity, Group>();
  for (const r of records) {
    const found = findActivity([roadmap], r.activity);
    if (!found.ok) {
      problems.push(problem(r, found.message));
      continue;
    }
    const activity = found.activity;
    if (roadmap.assessors === undefined) {
      problems.push(problem(r, `roadmap ${inert(roadmap.id)} declares no assessors: declare them under assessors: at the top of ${file}`));
      continue;
    }
    const group = groups.get(activity) ?? { activity, records: [] };
    group.records.push(r);
    groups.set(activity, group);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (groups.size === 0) return { ok: true, text, summary: '', roadmap };

  const source = Source.open(text);
  if (isRefused(source)) return cannotRecord(file, source);
  const cannot = insertAll(source, [...groups.values()]);
  if (cannot) return cannotRecord(file, cannot);
  const after = parseRoadmap(source.text, file);
  if (!after.ok) return { ok: false, problems: attribute(after.problems, source, [...groups.values()]) };
  const wrong = changedBeyond(roadmap, after.roadmap, groups);
  if (wrong)
    return {
      ok: false,
      problems: [{ file, line: 0, column: 0, severity: 'error', message: `internal check failed after the edit (${wrong}); nothing was written. This is a bug in roadmap; please report it` }],
    };
  const summary = [...groups.values()].flatMap((g) => g.records.map((r) => said(roadmap, g.activity, r))).join('\n');
  return { ok: true, text: source.text, summary, roadmap: after.roadmap };
}

function cannotRecord(file: string, why: Refused): AssessPlan {
  return { ok: false, problems: [{ file, line: 0, column: 0, severity: 'error', message: `cannot record the rating: ${why.refused}` }] };
}

/** Every group's ratings, in the file's style; or why one cannot be written. */
function insertAll(source: Source, groups: readonly Group[]): Refused | undefined {
  const style = styleOf(source);
  for (const g of groups) {
    const cannot = insert(source, g, style);
    if (cannot) return cannot;
  }
  return undefined;
}

function said(roadmap: Roadmap, a: Activity, r: AssessmentRecord): string {
  const scale = r.scale !== undefined && r.scale !== COMPLETION ? ` on ${inert(r.scale)}` : '';
  const window = r.window === undefined ? '' : ` [${inert(r.window)}]`;
  return `${inert(roadmap.id)} ${inert(a.id)}${window}: ${inert(r.by)} ${inert(r.level)}${scale} as of ${inert(r.asOf)}`;
}

/** The assessment as YAML keys and values (text), in the order the format's examples use. */
function fields(r: AssessmentRecord, flow: boolean): Array<[string, string]> {
  const q = (v: string) => scalarText(v, { flow });
  const out: Array<[string, string]> = [
    ['by', q(r.by)],
    ['as-of', q(r.asOf)],
  ];
  if (r.published !== undefined) out.push(['published', q(r.published)]);
  if (r.window !== undefined) out.push(['window', q(r.window)]);
  if (r.scale !== undefined && r.scale !== COMPLETION) out.push(['scale', q(r.scale)]);
  out.push(['level', q(r.level)]);
  if (r.source !== undefined) out.push(['source', q(r.source)]);
  if (r.evidence !== undefined && r.evidence.length > 0) out.push(['evidence', `[${r.evidence.map((e) => scalarText(e, { flow: true })).join(', ')}]`]);
  if (r.note !== undefined) out.push(['note', q(r.note)]);
  return out;
}

function flowItem(r: AssessmentRecord, pad: boolean): string {
  const body = fields(r, true)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return pad ? `{ ${body} }` : `{${body}}`;
}

/** A block mapping item: `- by: X` then each key under `by`. */
function blockItem(r: AssessmentRecord, prefix: string, eol: string): string {
  const indent = ' '.repeat(prefix.length);
  return fields(r, false)
    .map(([k, v], i) => `${i === 0 ? prefix : indent}${k}: ${v}${eol}`)
    .join('');
}

function* activityMaps(root: PNode): Generator<PMap> {
  if (root.kind !== 'map') return;
  const items = (n: PNode | undefined) => (n?.kind === 'seq' ? n.items.filter((x): x is PMap => x.kind === 'map') : []);
  for (const stage of items(pairOf(root, 'stages')?.value)) yield* items(pairOf(stage, 'activities')?.value);
}

/** The style of the file's first non-empty assessments list, else the default. */
function styleOf(source: Source): Style {
  const text = source.text;
  for (const activity of activityMaps(source.root())) {
    const pair = pairOf(activity, 'assessments');
    const list = pair?.value;
    if (!pair || list?.kind !== 'seq' || list.items.length === 0) continue;
    const item = list.items[0]!;
    const items = item.kind === 'map' && !item.flow ? 'block' : 'flow';
    const pad = item.kind === 'map' && item.flow && /^\{[ \t]/.test(text.slice(item.start, item.start + 2));
    if (list.flow) return { list: 'flow', items: 'flow', pad, dash: DEFAULT_STYLE.dash };
    const dash = columnOf(text, item.start) - 2 - columnOf(text, pair.key.start);
    return { list: 'block', items, pad, dash: Math.max(0, dash) };
  }
  return DEFAULT_STYLE;
}

function insert(source: Source, g: Group, style: Style): Refused | undefined {
  const map = activityNode(source.root(), g.activity.id);
  if (isRefused(map)) return map;
  const pair = pairOf(map, 'assessments');
  if (pair && pair.value.kind !== 'seq') return refused(`'assessments' of activity ${inert(g.activity.id)} is not a list`);
  const list = pair?.value as PSeq | undefined;
  if (list && list.items.length > 0) return appendTo(source, list, g.records, style);
  const emptied = list ? source.remove(map, 'assessments') : undefined; // `assessments: []`, written again below
  const again = emptied ?? activityNode(source.root(), g.activity.id);
  return isRefused(again) ? again : newList(source, again, g.records, style);
}

/** Appends to an existing list, each item like its last neighbour. */
function appendTo(source: Source, list: PSeq, records: readonly AssessmentRecord[], style: Style): undefined {
  const text = source.text;
  const last = list.items[list.items.length - 1]!;
  const pad = last.kind === 'map' && last.flow ? /^\{[ \t]/.test(text.slice(last.start, last.start + 2)) : style.pad;
  if (list.flow) {
    source.splice(last.end, last.end, records.map((r) => `, ${flowItem(r, pad)}`).join(''));
    return undefined;
  }
  const first = list.items[0]!;
  const dash = text.slice(lineStartOf(text, first.start), first.start);
  // The first item's line prefix is `  - ` unless the list shares its line with a parent dash.
  const prefix = /^[ \t]*-[ \t]+$/.test(dash) ? dash.replace(/^\ufeff/, '') : `${' '.repeat(columnOf(text, list.start))}- `;
  const block = last.kind === 'map' && !last.flow;
  const eol = source.eol;
  const at = lineEndAfter(text, last.end);
  const items = records.map((r) => (block ? blockItem(r, prefix, eol) : `${prefix}${flowItem(r, pad)}${eol}`)).join('');
  // A file without a final line break: the new lines go after a break, and end without one.
  source.splice(at.offset, at.offset, at.needsBreak ? eol + items.slice(0, -eol.length) : items);
  return undefined;
}

/** A new `assessments:` key after the activity's other keys. */
function newList(source: Source, map: PMap, records: readonly AssessmentRecord[], style: Style): Refused | undefined {
  if (map.flow || style.list === 'flow') return source.add(map, 'assessments', `[${records.map((r) => flowItem(r, style.pad && !map.flow)).join(', ')}]`);
  const text = source.text;
  const eol = source.eol;
  const column = columnOf(text, map.pairs[0]!.key.start);
  const prefix = `${' '.repeat(column + style.dash)}- `;
  const items = records.map((r) => (style.items === 'block' ? blockItem(r, prefix, eol) : `${prefix}${flowItem(r, style.pad)}${eol}`)).join('');
  const lines = `${' '.repeat(column)}assessments:${eol}${items}`;
  const last = map.pairs[map.pairs.length - 1]!;
  const at = lineEndAfter(text, last.value.end);
  source.splice(at.offset, at.offset, at.needsBreak ? eol + lines.slice(0, -eol.length) : lines);
  return undefined;
}

/**
 * The loader's problems with the result, each put where the user can act on it: a
 * record's own place (a sheet's cell), else the activity's line in the file as it is.
 */
function attribute(problems: readonly Problem[], source: Source, groups: readonly Group[]): Problem[] {
  const lines = new LineIndex(source.text);
  const spans: Array<{ from: number; to: number; r: AssessmentRecord; a: Activity }> = [];
  const key = (p: { line: number; column: number }) => p.line * 1e7 + p.column;
  for (const g of groups) {
    // The loader refused the result: it may not even be YAML.
    const root = source.tree();
    const map = isRefused(root) ? root : activityNode(root, g.activity.id);
    const list = isRefused(map) ? undefined : pairOf(map, 'assessments')?.value;
    if (list?.kind !== 'seq') continue;
    const mine = list.items.slice(list.items.length - g.records.length);
    for (const [i, item] of mine.entries()) spans.push({ from: key(lines.at(item.start)), to: key(lines.at(item.end)), r: g.records[i]!, a: g.activity });
  }
  const within = (line: number, column: number) => spans.find((x) => key({ line, column }) >= x.from && key({ line, column }) <= x.to);
  return problems.map((p) => {
    const s = within(p.line, p.column);
    if (!s) return p;
    // "the first is at line N" of a text never written: name the record instead.
    const message = p.message.replace(/the first is at line (\d+)$/, (said, line: string) => {
      const first = spans.find((x) => Math.floor(x.from / 1e7) === Number(line));
      if (!first) return said;
      return first.r.at ? `the first is at ${first.r.at.file}:${first.r.at.line}` : 'the first is also given here';
    });
    return { ...(s.r.at ?? s.a.at), severity: p.severity, message };
  });
}

/** Positions move with every insert: compared without them. */
function canon(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canon);
  if (value instanceof Map) return [...value].map(([k, v]) => [k, canon(v)]);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    if (k === 'at' || k === 'doneAt' || k === 'startedAt' || k === 'file') continue;
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = canon(v);
  }
  return out;
}

/** What is wrong with the result beyond the wanted assessments, or null. */
function changedBeyond(before: Roadmap, after: Roadmap, groups: ReadonlyMap<Activity, Group>): string | null {
  const expected = before.stages.map((s) => ({
    ...s,
    activities: s.activities.map((a) => {
      const g = groups.get(a);
      if (!g) return a;
      const added = g.records.map((r) => ({
        by: r.by,
        asOf: r.asOf,
        published: r.published ?? null,
        scale: r.scale ?? COMPLETION,
        level: r.level,
        window: r.window ?? null,
        source: r.source ?? null,
        evidence: r.evidence ?? [],
        note: r.note ?? null,
      }));
      return { ...a, assessments: [...(a.assessments ?? []), ...added] };
    }),
  }));
  if (JSON.stringify(canon(expected)) !== JSON.stringify(canon(after.stages))) return 'the activities differ from the ones asked for';
  const rest = (r: Roadmap) => JSON.stringify(canon({ ...r, stages: [] }));
  return rest(before) === rest(after) ? null : 'the roadmap changed beyond its activities';
}
