/** The roadmap file format, schema 1: written once, checked by the loader, exported as JSON Schema. */
import { parseTerm, parseWindowText, WINDOW_HINT, type DateTerm } from '../calendar/window.js';
import { zoneProblem } from '../calendar/today.js';
import { byKind, date, field, integer, list, located, object, oneOrMany, record, text, type JsonSchema, type Type } from './types.js';
import type { PNode } from './yaml.js';
import { ASSESSOR_KINDS, COMPLETION, COMPLETION_LEVELS, NO_EVIDENCE } from '../model.js';
import { didYouMean } from '../suggest.js';

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
  json: () => ({
    anyOf: [
      { type: 'string', pattern: `^${TERM}(\\.\\.${TERM})?$` },
      { type: 'integer', description: 'a whole year' },
    ],
  }),
};

const windowMap = object(
  'window',
  {
    start: field(termType('First day: a day, a month or a year (its first day), or a relative date'), true),
    end: field(termType('Last day: a day, a month or a year (its last day), or a relative date'), true),
  },
  'A window from start to end, both inclusive',
);

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

// Spec revision 2: the source document's own wording of a period, kept verbatim.
const periodField = field(text({ description: 'The period as the source document words it, verbatim (e.g. "March-april, 2019")' }));

const windowEntry = object(
  'window entry',
  {
    label: field(text({ description: 'What this window is, e.g. "6-month review"' })),
    window: field(located(windowType)),
    due: field(located(dueType)),
    ...statusFields,
    period: periodField,
  },
  'One of several windows of an activity, with its own completion',
);

const windowsItem = byKind('A window, or {label, window|due, done, ...}', located(windowType), windowEntry, 'a window or a mapping {label, window, done}');

const entityRef = located(text({ pattern: ENTITY_ID, patternHint: 'an entity id', description: 'An entity id (or alias) from entities' }));

const itemId = (what: string) =>
  text({ pattern: ITEM_ID, patternHint: `a valid ${what} id (letters, digits, '.', '-', '_')`, description: `The ${what} id, read as written: 2.10 is "2.10"`, numberToo: true });

// ---- Assessments (spec revision 2) ----

export const SCALE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const COMPLETION_JSON_LEVELS = [...COMPLETION_LEVELS, NO_EVIDENCE];

/** One of a few words, with a did-you-mean. */
function oneOf<V extends string>(values: readonly V[], description: string): Type<V> {
  return {
    check(node, r) {
      const v = text().check(node, r);
      if (v === undefined) return undefined;
      if ((values as readonly string[]).includes(v)) return v as V;
      r.error(node, `'${v}' is not one of ${values.join(', ')}${didYouMean(v, values)}`);
      return undefined;
    },
    json: () => ({ type: 'string', enum: values, description }),
  };
}

const assessmentFields = object(
  'assessment',
  {
    by: field(located(text({ pattern: ENTITY_ID, patternHint: 'an assessor id', description: 'Who rates: an id from assessors' })), true),
    'as-of': field(date('The date the rating describes; it is visible from that day on'), true),
    published: field(located(date('When the rating was published; not before as-of'))),
    scale: field(located(text({ pattern: SCALE_NAME, patternHint: 'a scale name', description: 'The scale of level: completion (built in) or one from scales' }))),
    level: field(located(text({ description: 'A level of the scale (completion: not-started, limited, substantial, complete; no-evidence on any scale)' })), true),
    window: field(located(text({ description: 'The label of the window rated (a milestone); the whole activity when absent' }))),
    source: field(text({ description: 'The report the rating comes from' })),
    evidence: field(list(text({ description: 'A link or reference' }), 'What the rating rests on')),
    note: field(text({ description: 'Free text' })),
  },
  'A rating of the activity (or of one labelled window) by an assessor, as of a date',
);

const assessmentType: Type<NonNullable<ReturnType<typeof assessmentFields.check>>> = {
  check: (node, r) => assessmentFields.check(node, r),
  // On the built-in scale the levels are known; a declared scale's are checked by the loader.
  json: () => ({
    ...assessmentFields.json(),
    if: { anyOf: [{ not: { required: ['scale'] } }, { properties: { scale: { const: COMPLETION } }, required: ['scale'] }] },
    then: { properties: { level: { enum: COMPLETION_JSON_LEVELS } } },
  }),
};

export type AssessmentInput = NonNullable<ReturnType<typeof assessmentType.check>>;

const assessorFields = object(
  'assessor',
  {
    entity: field(located(text({ pattern: ENTITY_ID, patternHint: 'an entity id', description: 'The entity of this roadmap that rates' }))),
    name: field(text({ description: 'Full name (of an assessor that is no entity of the roadmap)' })),
    kind: field(oneOf(ASSESSOR_KINDS, "self (the government's own), alternative (civil society) or independent"), true),
  },
  'Who rates: an entity of this roadmap or a named outsider, and what kind of assessor it is',
);

const assessorType: Type<NonNullable<ReturnType<typeof assessorFields.check>>> = {
  check(node, r) {
    const v = assessorFields.check(node, r);
    if (v && v.$at.entity === undefined && v.$at.name === undefined) r.error(node, 'an assessor has entity: (an entity of this roadmap) or name:');
    return v;
  },
  json: () => ({ ...assessorFields.json(), anyOf: [{ required: ['entity'] }, { required: ['name'] }] }),
};

const scaleList = list(text({ description: 'A level' }), 'The levels of the scale, lowest first');
// What the loader refuses of a scale's levels: none, one twice, no-evidence (accepted on every scale, unordered).
const scaleType: Type<NonNullable<ReturnType<typeof scaleList.check>>> = {
  check: (node, r) => scaleList.check(node, r),
  json: () => {
    const json = scaleList.json() as Record<string, unknown>;
    return { ...json, minItems: 1, uniqueItems: true, items: { ...(json.items as Record<string, unknown>), not: { const: NO_EVIDENCE } } };
  },
};

export const activityType = object(
  'activity',
  {
    id: field(located(itemId('activity')), true),
    title: field(text({ description: 'What is to be done' }), true),
    window: field(located(windowType)),
    due: field(located(dueType)),
    windows: field(list(windowsItem, 'Several windows (a recurring report, milestones), each with its own completion')),
    responsible: field(oneOrMany(entityRef, 'Responsible entity id(s)')),
    support: field(oneOrMany(entityRef, 'Supporting entity id(s)')),
    ...statusFields,
    period: periodField,
    tags: field(list(text(), 'Free tags')),
    assessments: field(list(assessmentType, 'Ratings of this activity by the assessors')),
  },
  'An activity: what, when, and who is responsible',
);

export type ActivityInput = NonNullable<ReturnType<typeof activityType.check>>;

// Spec revision 2: a stage's own commitments, each evaluated like a single-day window.
const milestoneType = object(
  'milestone',
  {
    label: field(text({ description: 'What is due, e.g. "National Action Plan submitted"' }), true),
    due: field(located(dueType), true),
    done: field(date('Met on this date (late when after due)')),
  },
  'A deadline of the stage',
);

export const stageType = object(
  'stage',
  {
    id: field(located(itemId('stage')), true),
    title: field(text({ description: 'Stage title' }), true),
    window: field(located(windowType)),
    due: field(located(dueType)),
    milestones: field(list(milestoneType, 'Deadlines of the stage (not with due:)')),
    goals: field(list(text(), 'What the stage is to achieve')),
    notes: field(text({ description: 'Free text' })),
    activities: field(list(activityType, 'The activities of the stage')),
  },
  'A stage of the roadmap',
);

/** The stage's schema also says that due: and milestones: exclude each other. */
const stageJson = stageType.json;
stageType.json = () => ({ ...stageJson(), not: { required: ['due', 'milestones'] } });

export type StageInput = NonNullable<ReturnType<typeof stageType.check>>;

const entityType = byKind(
  "The entity's full name, or {name, aliases}",
  text({ description: 'Full name' }),
  object(
    'entity',
    {
      name: field(text({ description: 'Full name' }), true),
      aliases: field(list(text(), 'Other ids or short names that may be used in responsible/support')),
    },
    'An entity with aliases',
  ),
  'a name or {name, aliases}',
);

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

export const roadmapType = object(
  'roadmap',
  {
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
    entities: field(record('entities', ENTITY_ID, "an entity id (letters, digits, '.', '-', '_')", entityType, 'Responsible and supporting entities: id -> name or {name, aliases}')),
    scales: field(scalesType()),
    assessors: field(record('assessors', ENTITY_ID, "an assessor id (letters, digits, '.', '-', '_')", assessorType, 'Who rates the activities: id -> {entity | name, kind}')),
    stages: field(list(stageType, 'The stages, in order'), true),
  },
  'A roadmap (schema 1)',
);

/** Named rating scales; `completion` is built in and cannot be redeclared. */
function scalesType() {
  const inner = record('scales', SCALE_NAME, "a scale name (letters, digits, '.', '-', '_')", scaleType, 'Named, ordered rating scales (lowest level first), besides the built-in completion');
  return {
    check: inner.check,
    json: () => ({ ...inner.json(), propertyNames: { pattern: SCALE_NAME.source, not: { const: COMPLETION } } }),
  } satisfies Type<NonNullable<ReturnType<typeof inner.check>>>;
}

export type RoadmapInput = NonNullable<ReturnType<typeof roadmapType.check>>;

/** The JSON Schema (draft-07) of the file format, for editors. */
export function jsonSchema(): JsonSchema {
  const root = roadmapType.json() as Record<string, unknown>;
  const properties = {
    ...(root.properties as Record<string, JsonSchema>),
    schema: { description: 'Format version of this file', anyOf: [{ const: SCHEMA_VERSION }, { type: 'string', pattern: `^0*${SCHEMA_VERSION}$` }] },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'roadmap file (schema 1)',
    ...root,
    properties,
  };
}
