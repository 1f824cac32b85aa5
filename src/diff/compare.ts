/**
 * Two sets of roadmaps to the list of changes between them. Pure: models in, data out.
 * Roadmaps match by id, activities by id within a roadmap (whatever their stage),
 * stages by id, windows of an activity by label, else by position among unlabelled ones.
 */
import { daysBetween } from '../calendar/date.js';
import { parseTerm } from '../calendar/window.js';
import type { Activity, Assessment, Roadmap, Stage, Window } from '../model.js';
import type { Change, Dates, Moved, RoadmapField, WindowRef } from './changes.js';

export interface Comparison {
  readonly changes: readonly Change[];
  /** Roadmap ids present on both sides. */
  readonly common: readonly string[];
}

export function diffRoadmaps(before: readonly Roadmap[], after: readonly Roadmap[]): Comparison {
  const oldById = new Map(before.map((r) => [r.id, r]));
  const newIds = new Set(after.map((r) => r.id));
  const changes: Change[] = [];
  const common: string[] = [];
  for (const r of after) {
    const o = oldById.get(r.id);
    if (o) {
      common.push(r.id);
      changes.push(...diffRoadmap(o, r));
    } else changes.push({ kind: 'roadmap-added', roadmap: r.id, stage: null, activity: null, title: r.title, revision: r.revision });
  }
  for (const o of before) {
    if (!newIds.has(o.id)) changes.push({ kind: 'roadmap-removed', roadmap: o.id, stage: null, activity: null, title: o.title, revision: o.revision });
  }
  return { changes, common };
}

const activitiesById = (r: Roadmap) => new Map(r.stages.flatMap((s) => s.activities.map((a) => [a.id, a] as const)));

function diffRoadmap(o: Roadmap, n: Roadmap): Change[] {
  const roadmap = n.id;
  const top = { roadmap, stage: null, activity: null } as const;
  const out: Change[] = [];
  const fields: RoadmapField[] = ['title', 'timezone', 'revision', 'published'];
  for (const field of fields) {
    if (o[field] !== n[field]) out.push({ kind: 'roadmap-changed', ...top, field, old: o[field], new: n[field] });
  }
  for (const [id, e] of n.entities) {
    const before = o.entities.get(id);
    if (!before) out.push({ kind: 'entity-added', ...top, entity: id, name: e.name });
    else if (before.name !== e.name) out.push({ kind: 'entity-renamed', ...top, entity: id, old: before.name, new: e.name });
  }
  for (const [id, e] of o.entities) if (!n.entities.has(id)) out.push({ kind: 'entity-removed', ...top, entity: id, name: e.name });
  out.push(...assessorChanges(o, n));

  const oldStages = new Map(o.stages.map((s) => [s.id, s]));
  const newStages = new Set(n.stages.map((s) => s.id));
  const oldActivities = activitiesById(o);
  const newActivities = activitiesById(n);
  for (const s of n.stages) {
    out.push(...diffStage(roadmap, oldStages.get(s.id), s));
    for (const a of s.activities) out.push(...diffActivity(roadmap, oldActivities.get(a.id), a));
    for (const a of oldActivities.values()) {
      if (a.stage === s.id && !newActivities.has(a.id)) out.push(removedActivity(roadmap, a));
    }
  }
  for (const s of o.stages) {
    if (newStages.has(s.id)) continue;
    out.push({ kind: 'stage-removed', roadmap, stage: s.id, activity: null, title: s.title });
    out.push(...deadlineChanges({ roadmap, stage: s.id, activity: null }, s.deadlines, []));
    for (const a of s.activities) if (!newActivities.has(a.id)) out.push(removedActivity(roadmap, a));
  }
  return linkDependants(out);
}

function diffStage(roadmap: string, o: Stage | undefined, n: Stage): Change[] {
  const at = { roadmap, stage: n.id, activity: null };
  if (!o) return [{ kind: 'stage-added', ...at, title: n.title }, ...deadlineChanges(at, [], n.deadlines)];
  const out: Change[] = [];
  if (o.title !== n.title) out.push({ kind: 'stage-retitled', ...at, old: o.title, new: n.title });
  // A stage without a window of its own spans its activities: their changes already say it.
  if (o.windowWritten && n.windowWritten && o.start && o.end && n.start && n.end && (o.start !== n.start || o.end !== n.end)) {
    const dates = (s: Stage): Dates => ({ start: s.start!, end: s.end!, startText: null, endText: null });
    out.push({ kind: 'stage-moved', ...at, ...moved(dates(o), dates(n), []) });
  }
  out.push(...deadlineChanges(at, o.deadlines, n.deadlines));
  return out;
}

/** A stage's deadlines paired by label (as windows are); removed ones sit where they were. */
function deadlineChanges(at: { roadmap: string; stage: string; activity: null }, o: readonly Window[], n: readonly Window[]): Change[] {
  const { pairs, removed, added } = matchWindows(o, n);
  const ref = (d: Window, i: number) => ({ label: d.label, index: i + 1 });
  const out: Array<[number, Change]> = [];
  for (const [i, j] of pairs) {
    const a = o[i]!;
    const b = n[j]!;
    const deadline = ref(b, j);
    if (a.end !== b.end) out.push([j, { kind: 'deadline-moved', ...at, deadline, old: a.end, new: b.end, shift: daysBetween(a.end, b.end) }]);
    if (b.done && b.done !== a.done) out.push([j, { kind: 'deadline-done', ...at, deadline, old: a.done, new: b.done, daysLate: Math.max(0, daysBetween(b.end, b.done)) }]);
    else if (!b.done && a.done) out.push([j, { kind: 'deadline-reopened', ...at, deadline, old: a.done }]);
  }
  for (const j of added) out.push([j, { kind: 'deadline-added', ...at, deadline: ref(n[j]!, j), due: n[j]!.end, done: n[j]!.done }]);
  for (const i of removed) out.push([i + 0.5, { kind: 'deadline-removed', ...at, deadline: ref(o[i]!, i), due: o[i]!.end, done: o[i]!.done }]);
  return out.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

function windowDates(w: Window): Dates {
  return { start: w.start, end: w.end, startText: w.startText, endText: w.endText };
}

function removedActivity(roadmap: string, a: Activity): Change {
  return {
    kind: 'activity-removed',
    roadmap,
    stage: a.stage,
    activity: a.id,
    title: a.title,
    windows: a.windows.map((w) => ({ label: w.label, ...windowDates(w) })),
    responsible: a.responsible,
  };
}

function diffActivity(roadmap: string, o: Activity | undefined, n: Activity): Change[] {
  const at = { roadmap, stage: n.stage, activity: n.id };
  if (!o) {
    return [{ kind: 'activity-added', ...at, title: n.title, windows: n.windows.map((w) => ({ label: w.label, ...windowDates(w) })), responsible: n.responsible }];
  }
  const out: Change[] = [];
  if (o.title !== n.title) out.push({ kind: 'activity-retitled', ...at, old: o.title, new: n.title });
  if (o.stage !== n.stage) out.push({ kind: 'activity-restaged', ...at, old: o.stage, new: n.stage });

  const single = o.windows.length === 1 && n.windows.length === 1;
  const ref = (w: Window, i: number): WindowRef | null => (single ? null : { label: w.label, index: i + 1 });
  const { pairs, removed, added } = matchWindows(o.windows, n.windows);
  const dated: Array<[number, Change]> = [];
  for (const [i, j] of pairs) {
    const change = diffWindowDates(o.windows[i]!, n.windows[j]!);
    if (change) dated.push([j, { ...at, window: ref(n.windows[j]!, j), ...change }]);
  }
  for (const j of added) dated.push([j, { kind: 'window-added', ...at, window: ref(n.windows[j]!, j), dates: windowDates(n.windows[j]!) }]);
  // Removed windows sit where they were, after what now stands at that index.
  for (const i of removed) dated.push([i + 0.5, { kind: 'window-removed', ...at, window: ref(o.windows[i]!, i), dates: windowDates(o.windows[i]!) }]);
  out.push(...dated.sort((a, b) => a[0] - b[0]).map(([, c]) => c));

  if (o.period !== n.period) out.push({ kind: 'period-changed', ...at, window: null, old: o.period, new: n.period });
  // A single window's period is the activity's, said above.
  if (!single) {
    for (const [i, j] of pairs) {
      const before = o.windows[i]!.period ?? null;
      const after = n.windows[j]!.period ?? null;
      if (before !== after) out.push({ kind: 'period-changed', ...at, window: ref(n.windows[j]!, j), old: before, new: after });
    }
  }

  for (const role of ['responsible', 'support'] as const) {
    const added = n[role].filter((e) => !o[role].includes(e));
    const removed = o[role].filter((e) => !n[role].includes(e));
    if (added.length || removed.length) {
      out.push({ kind: role === 'responsible' ? 'reassigned' : 'support-changed', ...at, old: o[role], new: n[role], added, removed });
    }
  }

  const status = pairs.map(([i, j]) => statusChanges(o, o.windows[i]!, n, n.windows[j]!).map((c) => ({ ...at, window: ref(n.windows[j]!, j), ...c })));
  // The same change on every window (e.g. `done:` on the activity) is said once, for the activity.
  const same = status.length > 1 && status[0]!.length > 0 && status.every((s) => JSON.stringify(s.map(strip)) === JSON.stringify(status[0]!.map(strip)));
  out.push(...(same ? status[0]!.map((c) => ({ ...c, window: null })) : status.flat()));
  if (o.assessments || n.assessments) out.push(...ratingChanges(at, o.assessments ?? [], n.assessments ?? []));
  return out;
}

// ---- Assessments (spec revision 2) ----

function assessorChanges(o: Roadmap, n: Roadmap): Change[] {
  const top = { roadmap: n.id, stage: null, activity: null } as const;
  const out: Change[] = [];
  for (const [id, x] of n.assessors ?? []) {
    if (!o.assessors?.has(id)) out.push({ kind: 'assessor-added', ...top, assessor: id, name: x.name, assessorKind: x.kind });
  }
  for (const [id, x] of o.assessors ?? []) {
    if (!n.assessors?.has(id)) out.push({ kind: 'assessor-removed', ...top, assessor: id, name: x.name, assessorKind: x.kind });
  }
  return out;
}

const targetKey = (x: Assessment) => `${x.by}\u0000${x.scale}\u0000${x.window ?? ''}`;
const ratingKey = (x: Assessment) => `${targetKey(x)}\u0000${x.asOf}`;

/** Each assessor's most recent rating per target, whatever today is: a diff compares files, not days. */
function newest(list: readonly Assessment[]): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const x of list) {
    const had = out.get(targetKey(x));
    if (!had || x.asOf > had.asOf) out.set(targetKey(x), x);
  }
  return out;
}

/** A new latest level, a first rating, or a rating taken out of the file. */
function ratingChanges(at: { roadmap: string; stage: string; activity: string }, o: readonly Assessment[], n: readonly Assessment[]): Change[] {
  const out: Change[] = [];
  const before = newest(o);
  const rated = (x: Assessment) => ({ ...at, by: x.by, scale: x.scale, rated: x.window });
  for (const [key, x] of newest(n)) {
    const was = before.get(key);
    if (!was) out.push({ kind: 'rating-added', ...rated(x), level: x.level, asOf: x.asOf });
    else if (was.level !== x.level) out.push({ kind: 'rating-changed', ...rated(x), old: was.level, new: x.level, oldAsOf: was.asOf, asOf: x.asOf });
    else if (was.asOf !== x.asOf) out.push({ kind: 'rating-added', ...rated(x), level: x.level, asOf: x.asOf });
  }
  const kept = new Set(n.map(ratingKey));
  for (const x of o) if (!kept.has(ratingKey(x))) out.push({ kind: 'rating-withdrawn', ...rated(x), level: x.level, asOf: x.asOf });
  return out;
}

const strip = (c: { window: unknown }) => ({ ...c, window: undefined });

/** Windows paired by label, then unlabelled leftovers in order; the rest were added or removed. */
export function matchWindows(o: readonly Window[], n: readonly Window[]): { pairs: Array<[number, number]>; removed: number[]; added: number[] } {
  if (o.length === 1 && n.length === 1) return { pairs: [[0, 0]], removed: [], added: [] };
  const pairs: Array<[number, number]> = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  n.forEach((w, j) => {
    if (w.label === null) return;
    const i = o.findIndex((x, k) => !usedOld.has(k) && x.label === w.label);
    if (i < 0) return;
    pairs.push([i, j]);
    usedOld.add(i);
    usedNew.add(j);
  });
  const freeOld = o.flatMap((w, i) => (w.label === null && !usedOld.has(i) ? [i] : []));
  const freeNew = n.flatMap((w, j) => (w.label === null && !usedNew.has(j) ? [j] : []));
  for (let k = 0; k < Math.min(freeOld.length, freeNew.length); k++) {
    pairs.push([freeOld[k]!, freeNew[k]!]);
    usedOld.add(freeOld[k]!);
    usedNew.add(freeNew[k]!);
  }
  pairs.sort((a, b) => a[1] - b[1]);
  return {
    pairs,
    removed: o.flatMap((_, i) => (usedOld.has(i) ? [] : [i])),
    added: n.flatMap((_, j) => (usedNew.has(j) ? [] : [j])),
  };
}

function moved(o: Dates, n: Dates, movedWith: string[]): Moved {
  return { old: o, new: n, startShift: daysBetween(o.start, n.start), endShift: daysBetween(o.end, n.end), movedWith, dependants: [] };
}

/** The anchor of a relative date as written, e.g. `3.1` for `3.1.end + 1 day`. */
function anchorOf(text: string | null): string | null {
  if (text === null) return null;
  const t = parseTerm(text);
  return t.ok && t.value.kind === 'relative' ? t.value.ref : null;
}

function diffWindowDates(o: Window, n: Window) {
  const before = windowDates(o);
  const after = windowDates(n);
  if (o.start !== n.start || o.end !== n.end) {
    // Same expression, other date: the window followed its anchor.
    const followed = [o.start !== n.start && o.startText === n.startText ? anchorOf(n.startText) : null, o.end !== n.end && o.endText === n.endText ? anchorOf(n.endText) : null].filter(
      (x): x is string => x !== null,
    );
    return { kind: 'window-moved' as const, ...moved(before, after, [...new Set(followed)]) };
  }
  if (o.startText !== n.startText || o.endText !== n.endText) return { kind: 'window-rewritten' as const, old: before, new: after };
  return null;
}

type StatusChange = Extract<Change, { kind: 'marked-done' | 'started' | 'cancelled' | 'reopened' | 'evidence-changed' }>;
type Bare<C> = C extends unknown ? Omit<C, 'roadmap' | 'stage' | 'activity' | 'window'> : never;

function statusChanges(oa: Activity, o: Window, na: Activity, n: Window): Array<Bare<StatusChange>> {
  const out: Array<Bare<StatusChange>> = [];
  if (n.done && n.done !== o.done) {
    out.push({ kind: 'marked-done', old: o.done, new: n.done, daysLate: Math.max(0, daysBetween(n.end, n.done)) });
  } else if (!n.done && n.cancelled && n.cancelled !== o.cancelled) {
    out.push({ kind: 'cancelled', old: o.cancelled, new: n.cancelled });
  } else if (!n.done && !n.cancelled && (o.done || o.cancelled)) {
    out.push({ kind: 'reopened', old: { done: o.done, cancelled: o.cancelled } });
  }
  if (n.started !== o.started) out.push({ kind: 'started', old: o.started, new: n.started });
  // A window's evidence is its own and its activity's.
  const before = new Set([...oa.evidence, ...o.evidence]);
  const after = new Set([...na.evidence, ...n.evidence]);
  const added = [...after].filter((e) => !before.has(e));
  const removed = [...before].filter((e) => !after.has(e));
  if (added.length || removed.length) out.push({ kind: 'evidence-changed', added, removed });
  return out;
}

/** Tells each moved anchor which activities moved with it. */
function linkDependants(changes: Change[]): Change[] {
  const followers = new Map<string, string[]>();
  for (const c of changes) {
    if (c.kind !== 'window-moved' || c.activity === null) continue;
    for (const ref of c.movedWith) {
      const list = followers.get(ref) ?? [];
      if (!list.includes(c.activity)) list.push(c.activity);
      followers.set(ref, list);
    }
  }
  return changes.map((c) => {
    const anchor = c.kind === 'window-moved' ? c.activity : c.kind === 'stage-moved' ? c.stage : null;
    const dependants = anchor === null ? undefined : followers.get(anchor);
    return dependants && (c.kind === 'window-moved' || c.kind === 'stage-moved') ? { ...c, dependants } : c;
  });
}
