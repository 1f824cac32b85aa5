/**
 * Checked input to the model: resolves windows and relative dates, and checks
 * what a schema cannot (unique ids, known entities, cycles, end before start).
 */
import type { CalendarDate } from '../calendar/date.js';
import { applyOffsets, type DateTerm } from '../calendar/window.js';
import type { Activity, Entity, Position, Problem, Roadmap, Stage, Status, Window } from '../model.js';
import { COMPLETION, COMPLETION_LEVELS, NO_EVIDENCE, type Assessment, type Assessor, type Scale } from '../model.js';
import { closest, didYouMean } from '../suggest.js';
import type { ActivityInput, AssessmentInput, RoadmapInput, StageInput, WindowSpec } from './format.js';
import type { LineIndex } from './lines.js';
import type { Located } from './types.js';
import type { PNode } from './yaml.js';

interface Span {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/** The status of a window that has none of its own. */
const NO_STATUS: Partial<Status> = Object.freeze({});

interface WindowPlan {
  readonly label: string | null;
  readonly spec: WindowSpec;
  readonly node: PNode;
  readonly status: Partial<Status>;
  /** Where the window's own `done:` was written. */
  readonly doneNode?: PNode | undefined;
  readonly startedNode?: PNode | undefined;
  readonly period?: string | undefined;
}

interface Item {
  readonly id: string;
  readonly node: PNode;
  readonly windows: readonly WindowPlan[];
  /** For a stage without a window of its own: the ids of its activities. */
  readonly spanOf: readonly string[];
  span?: Span | null;
  resolved?: Array<Span | null>;
  visiting?: boolean;
  /** Its place on the resolving stack while visiting. */
  depth?: number;
}

const NO_IDS: readonly string[] = Object.freeze([]);
const NONE: readonly never[] = Object.freeze([]);

/**
 * The array with no spare room. An array grown by push() keeps room for 16
 * elements; the model keeps a few arrays per activity, for every activity.
 */
function exact<T>(xs: T[]): readonly T[] {
  return xs.length === 0 ? NONE : xs.slice();
}

/**
 * Comparisons a file may spend on "did you mean" hints (candidates times the word's length
 * in 64ths): thousands of unknown names against thousands of ids would take minutes.
 * Past it, the errors are still reported, without a hint.
 */
export const HINT_BUDGET = 2_000_000;

const min = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);
const max = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);

export class Builder {
  readonly problems: Problem[] = [];
  private readonly items = new Map<string, Item>();
  /** Errors said so far, by offset and message: a Set, as a file may hold many thousands. */
  private readonly said = new Set<string>();
  private hintBudget = HINT_BUDGET;
  private itemIds: string[] | undefined;
  /** The roadmap's scales (with the built-in one) and assessors, for checking assessments. */
  private rating: Rating | null = null;
  private readonly entityNames = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  pos(node: { start: number }): Position {
    const { line, column } = this.lines.at(node.start);
    return { file: this.file, line, column };
  }

  error(node: { start: number }, message: string): void {
    // A term standing for both ends of a window (`due:`) is checked twice; say it once.
    const key = `${node.start} ${message}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.problems.push({ ...this.pos(node), severity: 'error', message });
  }

  build(input: RoadmapInput): Roadmap | null {
    const entities = this.entities(input);
    const stageInputs = input.stages ?? [];
    for (const s of stageInputs) this.declareStage(s);
    for (const item of this.items.values()) this.resolve(item);
    this.rating = this.ratingOf(input, entities.lookup);
    const stages = stageInputs.map((s) => this.stage(s, entities));
    if (this.problems.length > 0 || !input.id || !input.title || input.schema === undefined) return null;
    return {
      schema: input.schema,
      id: input.id.value,
      title: input.title,
      revision: input.revision ?? 1,
      published: input.published ?? null,
      timezone: input.timezone ?? null,
      description: input.description ?? null,
      sources: input.sources ?? [],
      goals: input.goals ?? [],
      themes: input.themes ?? [],
      entities: new Map([...entities.byId].map(([id, e]) => [id, e])),
      stages,
      file: this.file,
      at: this.pos(input.$node),
      ...(this.rating ? { scales: this.rating.declared, assessors: this.rating.assessors } : {}),
    };
  }

  // ---- Assessments (spec revision 2) ----

  private ratingOf(input: RoadmapInput, lookup: Map<string, string>): Rating | null {
    if (input.scales === undefined && input.assessors === undefined) return null;
    const declared = new Map<string, Scale>();
    for (const { id, key, value } of input.scales ?? []) {
      if (id === COMPLETION) {
        this.error(key, `the scale '${COMPLETION}' is built in (${COMPLETION_LEVELS.join(' < ')}): give yours another name`);
        continue;
      }
      if (value.length === 0) this.error(key, `scale '${id}' has no levels`);
      const twice = value.find((l, i) => value.indexOf(l) !== i);
      if (twice !== undefined) this.error(key, `scale '${id}' lists the level '${twice}' twice`);
      if (value.includes(NO_EVIDENCE)) this.error(key, `scale '${id}' lists '${NO_EVIDENCE}', which every scale accepts unordered: leave it out`);
      declared.set(id, { name: id, levels: value, at: this.pos(key) });
    }
    const assessors = new Map<string, Assessor>();
    for (const { id, key, value } of input.assessors ?? []) {
      let entity: string | null = null;
      if (value.entity) {
        const found = lookup.get(value.entity.value);
        if (found === undefined) this.unknownEntity(value.entity.value, value.entity.node, lookup);
        else entity = found;
      }
      if (!value.kind) continue;
      const name = value.name ?? (entity !== null ? (this.entityNames.get(entity) ?? entity) : id);
      assessors.set(id, { id, entity, name, kind: value.kind, at: this.pos(key) });
    }
    const scales = new Map<string, readonly string[]>([[COMPLETION, COMPLETION_LEVELS], ...[...declared].map(([k, v]) => [k, v.levels] as const)]);
    return { declared, assessors, scales };
  }

  private assessments(a: ActivityInput, windows: readonly Window[]): readonly Assessment[] | undefined {
    const list = a.assessments;
    if (list === undefined || list.length === 0) return undefined;
    const rating = this.rating;
    if (rating === null) {
      this.error(a.$at.assessments!, 'assessments need assessors: declare them under assessors: at the top of the roadmap');
      return undefined;
    }
    const labels = windows.flatMap((w) => (w.label === null ? [] : [w.label]));
    const seen = new Map<string, Position>();
    const out: Assessment[] = [];
    for (const x of list) {
      const made = this.assessment(x, rating, labels);
      if (!made) continue;
      const key = `${made.by}\u0000${made.asOf}\u0000${made.scale}\u0000${made.window ?? ''}`;
      const first = seen.get(key);
      if (first) {
        this.error(
          x.$node,
          `a second assessment by ${made.by} as of ${made.asOf}${made.scale === COMPLETION ? '' : ` on ${made.scale}`}${made.window === null ? '' : ` of '${made.window}'`}: the first is at line ${first.line}`,
        );
        continue;
      }
      seen.set(key, made.at);
      out.push(made);
    }
    return exact(out);
  }

  private assessment(x: AssessmentInput, rating: Rating, labels: readonly string[]): Assessment | null {
    const { by, level } = x;
    const asOf = x['as-of'];
    if (!by || !level || !asOf) return null;
    let ok = true;
    if (!rating.assessors.has(by.value)) {
      const known = [...rating.assessors.keys()];
      this.error(by.node, `unknown assessor '${by.value}'${didYouMean(by.value, known) || (known.length ? ` (assessors: ${known.join(', ')})` : '; declare it under assessors:')}`);
      ok = false;
    }
    const scale = x.scale?.value ?? COMPLETION;
    const levels = rating.scales.get(scale);
    if (levels === undefined) {
      this.error(x.scale!.node, `unknown scale '${scale}'${didYouMean(scale, rating.scales.keys()) || ` (scales: ${[...rating.scales.keys()].join(', ')})`}`);
      ok = false;
    } else if (level.value !== NO_EVIDENCE && !levels.includes(level.value)) {
      const hint = didYouMean(level.value, [...levels, NO_EVIDENCE]);
      this.error(level.node, `'${level.value}' is not a level of the scale ${scale} (${levels.join(' < ')}; or ${NO_EVIDENCE})${hint}`);
      ok = false;
    }
    if (x.window && !labels.includes(x.window.value)) {
      const hint = labels.length ? didYouMean(x.window.value, labels) || ` (windows: ${labels.join(', ')})` : ': the activity has no labelled windows';
      this.error(x.window.node, `no window labelled '${x.window.value}'${hint}`);
      ok = false;
    }
    if (x.published && x.published.value < asOf) {
      this.error(x.published.node, `published ${x.published.value} is before as-of ${asOf}: a rating describes a date on or before its publication`);
      ok = false;
    }
    if (!ok) return null;
    return {
      by: by.value,
      asOf,
      published: x.published?.value ?? null,
      scale,
      level: level.value,
      window: x.window?.value ?? null,
      source: x.source ?? null,
      evidence: x.evidence ?? NONE,
      note: x.note ?? null,
      at: this.pos(x.$node),
    };
  }

  private entities(input: RoadmapInput) {
    const byId = new Map<string, Entity>();
    const lookup = new Map<string, string>();
    for (const { id, key, value } of input.entities ?? []) {
      const name = typeof value === 'string' ? value : (value.name ?? id);
      const aliases = typeof value === 'string' ? [] : (value.aliases ?? []);
      byId.set(id, { id, name, aliases, at: this.pos(key) });
      lookup.set(id, id);
      this.entityNames.set(id, name);
    }
    for (const e of byId.values()) {
      for (const alias of e.aliases) {
        const other = lookup.get(alias);
        if (other !== undefined && other !== e.id) {
          this.problems.push({ ...e.at, severity: 'error', message: `alias '${alias}' of entity ${e.id} is also ${other === alias ? 'an entity id' : `an alias of ${other}`}` });
        } else lookup.set(alias, e.id);
      }
    }
    return { byId, lookup };
  }

  private declare(id: Located<string>, windows: WindowPlan[], spanOf: readonly string[]): void {
    const first = this.items.get(id.value);
    if (first) {
      this.error(id.node, `duplicate id '${id.value}': already used at line ${this.pos(first.node).line}`);
      return;
    }
    this.items.set(id.value, { id: id.value, node: id.node, windows, spanOf });
  }

  private declareStage(s: StageInput): void {
    const activities = s.activities ?? [];
    if (s.id) {
      const own = s.window ? [{ label: null, spec: s.window.value, node: s.window.node, status: NO_STATUS }] : [];
      this.declare(s.id, own, s.window ? [] : activities.flatMap((a) => (a.id ? [a.id.value] : [])));
    }
    for (let i = 0; i < activities.length; i++) {
      const a = activities[i]!;
      if (a.id) this.declare(a.id, this.plans(a), NO_IDS);
    }
  }

  private plans(a: ActivityInput): WindowPlan[] {
    const n = (a.$at.window !== undefined ? 1 : 0) + (a.$at.due !== undefined ? 1 : 0) + (a.$at.windows !== undefined ? 1 : 0);
    if (n > 1) {
      // The list is built only here: one array per activity showed in profiles.
      const given = (['window', 'due', 'windows'] as const).filter((k) => a.$at[k] !== undefined);
      this.error(a.$at[given[1]!]!, `an activity has one of window, due or windows, not ${given.join(' and ')}`);
      return [];
    }
    if (n === 0) {
      if (a.id) this.error(a.$node, `activity ${a.id.value} has no window: add window:, due: or windows:`);
      return [];
    }
    if (a.window) return [{ label: null, spec: a.window.value, node: a.window.node, status: NO_STATUS }];
    if (a.due) return [{ label: null, spec: due(a.due.value, a.due.node), node: a.due.node, status: NO_STATUS }];
    if (a.$at.windows && (a.windows ?? []).length === 0) this.error(a.$at.windows, 'windows: needs at least one window');
    return (a.windows ?? []).flatMap((w): WindowPlan[] => {
      if (!('$node' in w)) return [{ label: null, spec: w.value, node: w.node, status: NO_STATUS }];
      const when = w.window ?? w.due;
      if (w.window && w.due) {
        this.error(w.$node, 'a window entry has window: or due:, not both');
        return [];
      }
      if (!when) {
        if (!w.$at.window && !w.$at.due) this.error(w.$node, 'a window entry needs window: or due:');
        return [];
      }
      const spec = w.window ? w.window.value : due(w.due!.value, w.due!.node);
      const { done, started, cancelled, evidence, notes } = w;
      return [{ label: w.label ?? null, spec, node: when.node, status: { done, started, cancelled, evidence, notes }, doneNode: w.$at.done, startedNode: w.$at.started, period: w.period }];
    });
  }

  /**
   * Resolves an item after everything it refers to, depth first with an explicit
   * stack: a chain of thousands of relative dates would overflow the call stack.
   * The items on the stack are `visiting`; a reference to one of them is a cycle.
   */
  private resolve(root: Item): Span | null {
    if (root.span !== undefined) return root.span;
    if (root.visiting) return null;
    // Most items refer to nothing: no stack to keep.
    const own = dependencies(root);
    if (own.length === 0) {
      root.visiting = true;
      this.finish(root, NONE);
      return root.span ?? null;
    }
    const stack: Array<{ item: Item; deps: readonly string[]; next: number }> = [];
    const enter = (item: Item) => {
      item.visiting = true;
      item.depth = stack.length;
      stack.push({ item, deps: item === root ? own : dependencies(item), next: 0 });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.deps.length) {
        const dep = this.items.get(top.deps[top.next++]!);
        if (dep !== undefined && dep.span === undefined && !dep.visiting) enter(dep);
        continue;
      }
      this.finish(top.item, stack);
      stack.pop();
    }
    return root.span ?? null;
  }

  /** The item's span, once every item it refers to has one (or is on `stack`: a cycle). */
  private finish(item: Item, stack: ReadonlyArray<{ item: Item }>): void {
    const resolved = item.windows.map((w) => this.window(w, stack));
    item.resolved = resolved;
    const parts = item.windows.length > 0 ? resolved : item.spanOf.map((id) => this.items.get(id)?.span ?? null);
    let span: Span | null = null;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (!p) continue;
      // Spans are never changed, so one window's span is its item's too.
      span = span ? { start: min(span.start, p.start), end: max(span.end, p.end) } : p;
    }
    item.visiting = false;
    item.span = span;
  }

  private window(w: WindowPlan, stack: ReadonlyArray<{ item: Item }>): Span | null {
    const start = this.term(w.spec.start, 'first', w.spec.startAt, stack);
    const end = this.term(w.spec.end, 'last', w.spec.endAt, stack);
    if (!start || !end) return null;
    if (end < start) {
      this.error(w.node, `window end ${end} is before its start ${start}`);
      return null;
    }
    return { start, end };
  }

  private term(t: DateTerm, side: 'first' | 'last', node: PNode, stack: ReadonlyArray<{ item: Item }>): CalendarDate | null {
    if (t.kind === 'fixed') return t[side];
    const target = this.items.get(t.ref);
    if (!target) {
      const [best] = this.closest(t.ref, (this.itemIds ??= [...this.items.keys()]), 1);
      const hint = best === undefined ? '' : `; did you mean '${best}'?`;
      this.error(node, `'${t.text}' refers to '${t.ref}', which is no stage or activity of this roadmap${hint}`);
      return null;
    }
    if (target.visiting) {
      this.error(node, `relative dates form a cycle: ${cycleText(stack, target.depth ?? 0)}`);
      return null;
    }
    const span = this.resolve(target);
    if (!span) return null;
    const date = applyOffsets(t.anchor === 'start' ? span.start : span.end, t.offsets);
    if (!date) this.error(node, `'${t.text}' lies outside the years 0001–9999`);
    return date;
  }

  private refs(list: readonly Located<string>[] | undefined, lookup: Map<string, string>): readonly string[] {
    if (list === undefined || list.length === 0) return NONE;
    // map() sizes the array exactly; unknown entities and repeats (an id and its alias) are rare.
    const ids = list.map(({ value }) => lookup.get(value));
    let clean = true;
    // A set only for long lists: thousands of ids in one list would be compared pairwise.
    const seen = ids.length > 16 ? new Set<string>() : undefined;
    for (let i = 0; i < ids.length && clean; i++) {
      const id = ids[i];
      clean = id !== undefined && (seen ? !seen.has(id) && seen.add(id) !== undefined : ids.indexOf(id) === i);
    }
    if (clean) return ids as string[];
    const out: string[] = [];
    const kept = new Set<string>();
    list.forEach(({ value, node }, i) => {
      const id = ids[i];
      if (id === undefined) this.unknownEntity(value, node, lookup);
      else if (!kept.has(id)) {
        kept.add(id);
        out.push(id);
      }
    });
    return exact(out);
  }

  private closest(word: string, candidates: readonly string[], most: number): string[] {
    const cost = candidates.length * (1 + (word.length >> 6));
    if (cost > this.hintBudget) return [];
    this.hintBudget -= cost;
    return closest(word, candidates, most);
  }

  private unknownEntity(value: string, node: PNode, lookup: Map<string, string>): void {
    const known = entityNames(lookup);
    const near = this.closest(value, known, 3);
    const hint = near.length
      ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`
      : known.length === 0
        ? '; define it under entities:'
        : known.length <= 8
          ? ` (entities: ${known.join(', ')})`
          : '';
    this.error(node, `unknown entity '${value}'${hint}`);
  }

  private stage(s: StageInput, entities: { lookup: Map<string, string> }): Stage {
    const id = s.id?.value ?? '';
    const item = this.items.get(id);
    const activities = (s.activities ?? []).map((a) => this.activity(a, id, entities.lookup));
    return {
      id,
      title: s.title ?? '',
      start: item?.span?.start ?? null,
      end: item?.span?.end ?? null,
      windowWritten: s.window !== undefined,
      goals: s.goals ?? [],
      notes: s.notes ?? null,
      activities,
      deadlines: this.deadlines(s),
      at: this.pos(s.$node),
    };
  }

  /** A stage's `due:` or `milestones:` (spec revision 2) as single-day windows; run after every item is resolved. */
  private deadlines(s: StageInput): readonly Window[] {
    if (s.$at.due !== undefined && s.$at.milestones !== undefined) {
      this.error(s.$at.milestones, 'a stage has due: or milestones:, not both');
      return NONE;
    }
    if (s.due) return this.deadline(null, s.due.value, s.due.node, null, undefined);
    if (s.$at.milestones && (s.milestones ?? []).length === 0) this.error(s.$at.milestones, 'milestones: needs at least one milestone');
    return exact((s.milestones ?? []).flatMap((m) => (m.due ? this.deadline(m.label ?? null, m.due.value, m.due.node, m.done ?? null, m.$at.done) : [])));
  }

  private deadline(label: string | null, term: DateTerm, node: PNode, done: CalendarDate | null, doneNode: PNode | undefined): Window[] {
    const day = this.term(term, 'last', node, NONE);
    if (!day) return [];
    return [
      {
        label,
        start: day,
        end: day,
        startText: term.text,
        endText: term.text,
        done,
        started: null,
        cancelled: null,
        evidence: NONE,
        notes: null,
        period: null,
        at: this.pos(node),
        doneAt: doneNode ? this.pos(doneNode) : undefined,
      },
    ];
  }

  private activity(a: ActivityInput, stage: string, lookup: Map<string, string>): Activity {
    const id = a.id?.value ?? '';
    const item = this.items.get(id);
    const status = statusOf(a);
    const plans = item !== undefined && item.node === a.id?.node ? item.windows : [];
    // A window without a span has had its error reported: the roadmap is not used.
    let unresolved = false;
    const windows = plans.map((plan, i): Window | null => {
      const span = item?.resolved?.[i];
      if (!span) {
        unresolved = true;
        return null;
      }
      const own = plan.status;
      const doneNode = own.done ? plan.doneNode : status.done ? a.$at.done : undefined;
      const startedNode = own.started ? plan.startedNode : status.started ? a.$at.started : undefined;
      return {
        label: plan.label,
        start: span.start,
        end: span.end,
        startText: plan.spec.start.text,
        endText: plan.spec.end.text,
        done: own.done ?? status.done,
        started: own.started ?? status.started,
        cancelled: own.cancelled ?? status.cancelled,
        evidence: own.evidence ?? NONE,
        notes: own.notes ?? null,
        // One window stands for the activity: the activity's wording is its.
        period: plan.period ?? (plans.length === 1 ? (a.period ?? null) : null),
        at: this.pos(plan.node),
        doneAt: doneNode ? this.pos(doneNode) : undefined,
        startedAt: startedNode ? this.pos(startedNode) : undefined,
      };
    });
    const built = unresolved ? windows.filter((w): w is Window => w !== null) : (windows as Window[]);
    const assessments = a.assessments === undefined ? undefined : this.assessments(a, built);
    return {
      id,
      title: a.title ?? '',
      stage,
      responsible: this.refs(a.responsible, lookup),
      support: this.refs(a.support, lookup),
      tags: a.tags ?? NONE,
      windows: built,
      done: status.done,
      started: status.started,
      cancelled: status.cancelled,
      evidence: status.evidence,
      notes: status.notes,
      period: a.period ?? null,
      at: this.pos(a.$node),
      assessments,
    };
  }
}

const names = new WeakMap<Map<string, string>, string[]>();
/** The entity ids and aliases of a lookup, listed once. */
function entityNames(lookup: Map<string, string>): string[] {
  let list = names.get(lookup);
  if (list === undefined) names.set(lookup, (list = [...lookup.keys()]));
  return list;
}

/** The ids an item's span depends on: the targets of its relative dates, or (a stage without a window) its activities. */
function dependencies(item: Item): readonly string[] {
  if (item.windows.length === 0) return item.spanOf;
  let refs: string[] | undefined;
  for (let i = 0; i < item.windows.length; i++) {
    const { start, end } = item.windows[i]!.spec;
    if (start.kind === 'relative') (refs ??= []).push(start.ref);
    if (end.kind === 'relative') (refs ??= []).push(end.ref);
  }
  return refs ?? NO_IDS;
}

/** Ids shown of a cycle: a ring of thousands of items is named by its ends. */
export const CYCLE_SHOWN = 8;

/** `a -> b -> c -> a` for the items stack[from..]; the middle of a long cycle is left out, with its count. */
function cycleText(stack: ReadonlyArray<{ item: Item }>, from: number): string {
  const n = stack.length - from;
  const id = (i: number) => stack[from + (i % n)]!.item.id;
  const ids = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => id(a + i)).join(' -> ');
  if (n <= CYCLE_SHOWN) return ids(0, n + 1);
  const half = CYCLE_SHOWN / 2;
  return `${ids(0, half)} -> … ${(n + 1 - 2 * half).toLocaleString('en')} more … -> ${ids(n + 1 - half, n + 1)} (a cycle of ${n.toLocaleString('en')})`;
}

interface Rating {
  readonly declared: ReadonlyMap<string, Scale>;
  readonly assessors: ReadonlyMap<string, Assessor>;
  /** Every scale's levels by name, the built-in one included. */
  readonly scales: ReadonlyMap<string, readonly string[]>;
}

function due(term: DateTerm, node: PNode): WindowSpec {
  return { start: term, end: term, startAt: node, endAt: node };
}

function statusOf(a: ActivityInput): Status {
  return {
    done: a.done ?? null,
    started: a.started ?? null,
    cancelled: a.cancelled ?? null,
    evidence: a.evidence ?? NONE,
    notes: a.notes ?? null,
  };
}
