/** The roadmap file format, schema 1: written once, checked by the loader, exported as JSON Schema. */
import { parseTerm, parseWindowText, WINDOW_HINT, type DateTerm } from '../calendar/window.js';
import { zoneProblem } from '../calendar/today.js';
import {
  byKind, date, field, integer, list, located, object, oneOrMany, record, text,
  type JsonSchema, type Type,
} from './types.js';
import type { PNode } from './yaml.js';

export const SCHEMA_VERSION = 1;

export const ROADMAP_ID = /^[a-z0-9][a-z0-9-]*$/;
export const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const TERM = String.raw`(\d{4}(-\d{2}(-\d{2})?)?|\S+\.(start|end)(\s*[+-]\s*\d+\s*(days?|weeks?|months?|years?))*)`;

export interface WindowSpec {
  readonly start: DateTerm;
  readonly end: DateTerm;
  /** Where each end was written, for messages about it. */
  readonly startAt: PNode;
  readonly endAt: PNode;
}

function termType(description: string): Type<DateTerm> {
  return {
    check(node, r) {
      if (node.kind !== 'scalar' || node.empty) {
        r.error(node, `expected a date, a month, a year or a relative date such as '3.1.end + 1 month'`);
        return undefined;
      }
      const t = parseTerm(node.value);
      if (!t.ok) r.error(node, t.error);
      return t.ok ? t.value : undefined;
    },
    json: () => ({ description, anyOf: [{ type: 'string', pattern: `^${TERM}$` }, { type: 'integer' }] }),
  };
}

const windowText: Type<WindowSpec> = {
  check(node, r) {
    if (node.kind !== 'scalar') return undefined;
    const w = parseWindowText(node.value);
    if (!w.ok) r.error(node, w.error);
    return w.ok ? { start: w.value.start, end: w.value.end, startAt: node, endAt: node } : undefined;
  },
  json: () => ({ anyOf: [{ type: 'string', pattern: `^${TERM}(\\.\\.${TERM})?$` }, { type: 'integer', description: 'a whole year' }] }),
};

const windowMap = object('window', {
  start: field(termType('First day: a day, a month or a year (its first day), or a relative date'), true),
  end: field(termType('Last day: a day, a month or a year (its last day), or a relative date'), true),
}, 'A window from start to end, both inclusive');

const windowType: Type<WindowSpec> = (() => {
  const either = byKind('When: 2019-03-01..2019-05-31, 2019-03..2019-04, 2019-06, 2019-12-31, 2019, 2019..2020 or {start, end}', windowText, windowMap, `a window: ${WINDOW_HINT}`);
  return {
    check(node, r) {
      const v = either.check(node, r);
      if (v === undefined) return undefined;
      if ('$node' in v) {
        const { start, end, $at } = v;
        return start && end && $at.start && $at.end ? { start, end, startAt: $at.start, endAt: $at.end } : undefined;
      }
      return v;
    },
    json: () => either.json(),
  };
})();

const dueType = termType('A single-day window: the deadline (a day or a relative date)');

// What YAML readers take for false or null: `cancelled: no` means "not cancelled" to its writer.
const NOT_A_REASON = ['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL', '~'];

/** A cancel reason: text, never a YAML false or null, nor blank. */
const reasonType: Type<string> = {
  checksEmpty: true,
  check(node, r) {
    if (node.kind === 'scalar' && node.plain && NOT_A_REASON.includes(node.value)) {
      r.error(node, `cancelled takes a reason, not '${node.value}' (remove the key to reopen; to give the reason ${node.value}, quote it)`);
      return undefined;
    }
    if (node.kind === 'scalar' && node.value.trim() === '') {
      r.error(node, 'cancelled takes a reason (remove the key to reopen)');
      return undefined;
    }
    return text().check(node, r);
  },
  // Quoting is lost on the way to a JSON Schema: a quoted "no" (a reason) is refused here too.
  json: () => ({
    type: 'string',
    description: 'Withdrawn, with the reason; never overdue. Not false, no, off, null, ~ or empty: remove the key to reopen',
    not: { pattern: `^(?:\\s*|${NOT_A_REASON.join('|')})$` },
  }),
};

const statusFields = {
  done: field(date('Completed on this date; the window is then done (late when after its end)')),
  started: field(date('Work started on this date')),
  cancelled: field(reasonType),
  evidence: field(list(text({ description: 'A link or reference' }), 'Links or references showing progress or completion')),
  notes: field(text({ description: 'Free text' })),
};

const windowEntry = object('window entry', {
  label: field(text({ description: 'What this window is, e.g. "6-month review"' })),
  window: field(located(windowType)),
  due: field(located(dueType)),
  period: field(text({ description: 'The period as the source document words it' })),
  ...statusFields,
}, 'One of several windows of an activity, with its own completion');

const windowsItem = byKind('A window, or {label, window|due, done, ...}', located(windowType), windowEntry, 'a window or a mapping {label, window, done}');

const entityRef = located(text({ pattern: ENTITY_ID, patternHint: 'an entity id', description: 'An entity id (or alias) from entities' }));

const itemId = (what: string) =>
  text({ pattern: ITEM_ID, patternHint: `a valid ${what} id (letters, digits, '.', '-', '_')`, description: `The ${what} id, read as written: 2.10 is "2.10"`, numberToo: true });

export const activityType = object('activity', {
  id: field(located(itemId('activity')), true),
  title: field(text({ description: 'What is to be done' }), true),
  window: field(located(windowType)),
  due: field(located(dueType)),
  windows: field(list(windowsItem, 'Several windows (a recurring report, milestones), each with its own completion')),
  responsible: field(oneOrMany(entityRef, 'Responsible entity id(s)')),
  support: field(oneOrMany(entityRef, 'Supporting entity id(s)')),
  period: field(text({ description: 'The period as the source document words it' })),
  ...statusFields,
  tags: field(list(text(), 'Free tags')),
}, 'An activity: what, when, and who is responsible');

export type ActivityInput = NonNullable<ReturnType<typeof activityType.check>>;

export const stageType = object('stage', {
  id: field(located(itemId('stage')), true),
  title: field(text({ description: 'Stage title' }), true),
  window: field(located(windowType)),
  goals: field(list(text(), 'What the stage is to achieve')),
  notes: field(text({ description: 'Free text' })),
  activities: field(list(activityType, 'The activities of the stage')),
}, 'A stage of the roadmap');

export type StageInput = NonNullable<ReturnType<typeof stageType.check>>;

const entityType = byKind('The entity\'s full name, or {name, aliases}',
  text({ description: 'Full name' }),
  object('entity', {
    name: field(text({ description: 'Full name' }), true),
    aliases: field(list(text(), 'Other ids or short names that may be used in responsible/support')),
  }, 'An entity with aliases'),
  'a name or {name, aliases}');

const timezoneType: Type<string> = {
  check(node, r) {
    const tz = text().check(node, r);
    const problem = tz === undefined ? null : zoneProblem(tz);
    if (problem) {
      r.error(node, problem);
      return undefined;
    }
    return tz;
  },
  json: () => ({ type: 'string', description: 'IANA time zone in which "today" is taken, e.g. Asia/Baku' }),
};

export const roadmapType = object('roadmap', {
  schema: field(integer(1, 'Format version of this file'), true),
  id: field(located(text({ pattern: ROADMAP_ID, patternHint: 'a roadmap id (lower-case letters, digits and -)', description: 'Roadmap id, unique per (id, revision)' })), true),
  title: field(text({ description: 'Roadmap title' }), true),
  revision: field(integer(1, 'Edition of this roadmap (default 1); the highest is used unless --revision says otherwise')),
  published: field(date('Date of this edition')),
  timezone: field(timezoneType),
  description: field(text({ description: 'What this roadmap is, where it comes from' })),
  sources: field(list(text(), 'Where the roadmap was published')),
  goals: field(list(text(), 'Goals or requirements of the whole roadmap')),
  themes: field(list(text(), 'Themes or directions')),
  entities: field(record('entities', ENTITY_ID, 'an entity id (letters, digits, \'.\', \'-\', \'_\')', entityType, 'Responsible and supporting entities: id -> name or {name, aliases}')),
  stages: field(list(stageType, 'The stages, in order'), true),
}, 'A roadmap (schema 1)');

export type RoadmapInput = NonNullable<ReturnType<typeof roadmapType.check>>;

/** The JSON Schema (draft-07) of the file format, for editors. */
export function jsonSchema(): JsonSchema {
  const root = roadmapType.json() as Record<string, unknown>;
  const properties = { ...(root.properties as Record<string, JsonSchema>), schema: { description: 'Format version of this file', anyOf: [{ const: SCHEMA_VERSION }, { type: 'string', pattern: `^0*${SCHEMA_VERSION}$` }] } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'roadmap file (schema 1)',
    ...root,
    properties,
  };
}
