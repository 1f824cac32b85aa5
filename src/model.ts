/** The roadmap model: what a loaded roadmap file means, with where each part was written. */
import type { CalendarDate } from './calendar/date.js';

/** States in order of urgency; an activity takes the most urgent of its windows. */
export const STATES = ['overdue', 'due-soon', 'active', 'upcoming', 'later', 'done', 'cancelled'] as const;
export type State = (typeof STATES)[number];

export interface Position {
  readonly file: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based
}

export type Severity = 'error' | 'warning';

/** Anything wrong with the input, always with a place to look. */
export interface Problem extends Position {
  readonly severity: Severity;
  readonly message: string;
}

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly at: Position;
}

/** Status fields shared by an activity and each of its windows. */
export interface Status {
  readonly done: CalendarDate | null;
  readonly started: CalendarDate | null;
  readonly cancelled: string | null;
  readonly evidence: readonly string[];
  readonly notes: string | null;
}

export interface Window extends Status {
  readonly label: string | null;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** How start and end were written, e.g. `2019-03` or `3.1.start + 6 months`. */
  readonly startText: string;
  readonly endText: string;
  readonly at: Position;
  /** Where this window's `done:` date was written (its own, or the activity's it inherits). */
  readonly doneAt?: Position | undefined;
  /** Where its `started:` date was written (its own, or the activity's). */
  readonly startedAt?: Position | undefined;
  /** The source document's wording of the period (spec revision 2), or null. */
  readonly period?: string | null | undefined;
}

export interface Activity extends Status {
  readonly id: string;
  readonly title: string;
  readonly stage: string;
  readonly responsible: readonly string[];
  readonly support: readonly string[];
  readonly tags: readonly string[];
  /** One or more; each carries its own completion (inherited from the activity when it has none). */
  readonly windows: readonly Window[];
  /** The source document's wording of the period (spec revision 2), or null. */
  readonly period: string | null;
  readonly at: Position;
  /** Ratings by the roadmap's assessors, in file order; absent when there are none. */
  readonly assessments?: readonly Assessment[] | undefined;
}

export interface Stage {
  readonly id: string;
  readonly title: string;
  /** As written, or the span of its activities when the stage has no window. */
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly windowWritten: boolean;
  readonly goals: readonly string[];
  readonly notes: string | null;
  readonly activities: readonly Activity[];
  /**
   * The stage's own commitments (spec revision 2: `due:` or `milestones:`), each a
   * single-day window: label, start = end = the due date, done, at its line.
   */
  readonly deadlines: readonly Window[];
  readonly at: Position;
}

export interface Roadmap {
  readonly schema: number;
  readonly id: string;
  readonly title: string;
  readonly revision: number;
  readonly published: CalendarDate | null;
  readonly timezone: string | null;
  readonly description: string | null;
  readonly sources: readonly string[];
  readonly goals: readonly string[];
  readonly themes: readonly string[];
  readonly entities: ReadonlyMap<string, Entity>;
  readonly stages: readonly Stage[];
  readonly file: string;
  readonly at: Position;
  /** Declared rating scales (besides the built-in `completion`); absent when none. */
  readonly scales?: ReadonlyMap<string, Scale> | undefined;
  /** Who rates the activities; absent when the roadmap declares no assessors. */
  readonly assessors?: ReadonlyMap<string, Assessor> | undefined;
}

// ---- Assessments (spec revision 2) ----

export const ASSESSOR_KINDS = ['self', 'alternative', 'independent'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];

/** OGP's completion scale, lowest first. */
export const COMPLETION = 'completion';
export const COMPLETION_LEVELS = ['not-started', 'limited', 'substantial', 'complete'] as const;
/** "Could not be rated": accepted on every scale, never ordered. */
export const NO_EVIDENCE = 'no-evidence';

export interface Scale {
  readonly name: string;
  /** Lowest first. */
  readonly levels: readonly string[];
  readonly at: Position | null;
}

export interface Assessor {
  readonly id: string;
  /** The roadmap entity that rates, if it is one. */
  readonly entity: string | null;
  readonly name: string;
  readonly kind: AssessorKind;
  readonly at: Position;
}

export interface Assessment {
  readonly by: string;
  /** The date the rating describes. */
  readonly asOf: CalendarDate;
  readonly published: CalendarDate | null;
  readonly scale: string;
  readonly level: string;
  /** The label of the window rated; null for the whole activity. */
  readonly window: string | null;
  readonly source: string | null;
  readonly evidence: readonly string[];
  readonly note: string | null;
  readonly at: Position;
}
