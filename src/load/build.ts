/**
 * Checked input to the model: resolves windows and relative dates, and checks
 * what a schema cannot (unique ids, known entities, cycles, end before start).
 */
import type { CalendarDate } from '../calendar/date.js';
import { applyOffsets, type DateTerm } from '../calendar/window.js';
import type { Activity, Entity, Position, Problem, Roadmap, Stage, Status, Window } from '../model.js';
import { closest, didYouMean } from '../suggest.js';
import type { ActivityInput, RoadmapInput, StageInput, WindowSpec } from './format.js';
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

const min = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);
const max = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);

export class Builder {
  readonly problems: Problem[] = [];
  private readonly items = new Map<string, Item>();
  private readonly path: string[] = [];

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  pos(node: { start: number }): Position {
    const { line, column } = this.lines.at(node.start);
    return { file: this.file, line, column };
  }

  error(node: { start: number }, message: string): void {
    const at = this.pos(node);
    // A term standing for both ends of a window (`due:`) is checked twice; say it once.
    if (this.problems.some((p) => p.line === at.line && p.column === at.column && p.message === message)) return;
    this.problems.push({ ...at, severity: 'error', message });
  }

  build(input: RoadmapInput): Roadmap | null {
    const entities = this.entities(input);
    const stageInputs = input.stages ?? [];
    for (const s of stageInputs) this.declareStage(s);
    for (const item of this.items.values()) this.resolve(item);
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
    const given: Array<'window' | 'due' | 'windows'> = [];
    if (a.$at.window !== undefined) given.push('window');
    if (a.$at.due !== undefined) given.push('due');
    if (a.$at.windows !== undefined) given.push('windows');
    if (given.length > 1) {
      this.error(a.$at[given[1]!]!, `an activity has one of window, due or windows, not ${given.join(' and ')}`);
      return [];
    }
    if (given.length === 0) {
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

  private resolve(item: Item): Span | null {
    if (item.span !== undefined) return item.span;
    if (item.visiting) return null;
    item.visiting = true;
    this.path.push(item.id);
    const resolved = item.windows.map((w) => this.window(w));
    item.resolved = resolved;
    const parts = item.windows.length > 0 ? resolved : item.spanOf.map((id) => this.resolveId(id));
    let span: Span | null = null;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (!p) continue;
      // Spans are never changed, so one window's span is its item's too.
      span = span ? { start: min(span.start, p.start), end: max(span.end, p.end) } : p;
    }
    this.path.pop();
    item.visiting = false;
    item.span = span;
    return span;
  }

  private resolveId(id: string): Span | null {
    const item = this.items.get(id);
    return item ? this.resolve(item) : null;
  }

  private window(w: WindowPlan): Span | null {
    const start = this.term(w.spec.start, 'first', w.spec.startAt);
    const end = this.term(w.spec.end, 'last', w.spec.endAt);
    if (!start || !end) return null;
    if (end < start) {
      this.error(w.node, `window end ${end} is before its start ${start}`);
      return null;
    }
    return { start, end };
  }

  private term(t: DateTerm, side: 'first' | 'last', node: PNode): CalendarDate | null {
    if (t.kind === 'fixed') return t[side];
    const target = this.items.get(t.ref);
    if (!target) {
      const hint = didYouMean(t.ref, this.items.keys());
      this.error(node, `'${t.text}' refers to '${t.ref}', which is no stage or activity of this roadmap${hint}`);
      return null;
    }
    if (target.visiting) {
      const cycle = [...this.path.slice(this.path.indexOf(t.ref)), t.ref];
      this.error(node, `relative dates form a cycle: ${cycle.join(' -> ')}`);
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
    for (let i = 0; i < ids.length && clean; i++) clean = ids[i] !== undefined && ids.indexOf(ids[i]) === i;
    if (clean) return ids as string[];
    const out: string[] = [];
    list.forEach(({ value, node }, i) => {
      const id = ids[i];
      if (id === undefined) this.unknownEntity(value, node, lookup);
      else if (!out.includes(id)) out.push(id);
    });
    return exact(out);
  }

  private unknownEntity(value: string, node: PNode, lookup: Map<string, string>): void {
    const near = closest(value, lookup.keys());
    const known = [...lookup.keys()];
    const hint = near.length
      ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`
      : known.length === 0 ? '; define it under entities:' : known.length <= 8 ? ` (entities: ${known.join(', ')})` : '';
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
    const day = this.term(term, 'last', node);
    if (!day) return [];
    return [{
      label, start: day, end: day, startText: term.text, endText: term.text,
      done, started: null, cancelled: null, evidence: NONE, notes: null, period: null,
      at: this.pos(node), doneAt: doneNode ? this.pos(doneNode) : undefined,
    }];
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
    return {
      id,
      title: a.title ?? '',
      stage,
      responsible: this.refs(a.responsible, lookup),
      support: this.refs(a.support, lookup),
      tags: a.tags ?? NONE,
      windows: unresolved ? windows.filter((w): w is Window => w !== null) : (windows as Window[]),
      done: status.done,
      started: status.started,
      cancelled: status.cancelled,
      evidence: status.evidence,
      notes: status.notes,
      period: a.period ?? null,
      at: this.pos(a.$node),
    };
  }
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
