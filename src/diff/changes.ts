/**
 * What changed between two sets of roadmaps, as typed data. The comparison works
 * on models (never on YAML), so files of different format versions compare alike.
 */
import type { CalendarDate } from '../calendar/date.js';
import type { Gate } from '../formats.js';

/** Which window of an activity: null for an activity with a single window. */
export interface WindowRef {
  readonly label: string | null;
  /** 1-based, in the new file (the old one for a removed window). */
  readonly index: number;
}

/** Which deadline of a stage: its label (null for `due:`), 1-based, in the new file (the old one when removed). */
export interface DeadlineRef {
  readonly label: string | null;
  readonly index: number;
}

export interface Dates {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** As written, e.g. `2019-09` or `3.1.end + 1 day`; null for a stage (not kept in the model). */
  readonly startText: string | null;
  readonly endText: string | null;
}

export interface WindowDates extends Dates {
  readonly label: string | null;
}

/** Where a change is: roadmap, stage (null for roadmap-level), activity (null above activity level). */
interface At {
  readonly roadmap: string;
  readonly stage: string | null;
  readonly activity: string | null;
}

interface InWindow extends At {
  readonly window: WindowRef | null;
}

interface InDeadline extends At {
  readonly deadline: DeadlineRef;
}

export interface Moved {
  readonly old: Dates;
  readonly new: Dates;
  /** new − old, in days. */
  readonly startShift: number;
  readonly endShift: number;
  /** Anchors (activity or stage ids) this window followed: its expression is unchanged, its dates moved. */
  readonly movedWith: readonly string[];
  /** Windows that moved because they are written relative to this one (`2.3`, `3.3 (6th month)`). */
  readonly dependants: readonly string[];
}

export type RoadmapField = 'title' | 'timezone' | 'revision' | 'published';

export type Change =
  | (At & { readonly kind: 'roadmap-added' | 'roadmap-removed'; readonly title: string; readonly revision: number })
  | (At & { readonly kind: 'roadmap-changed'; readonly field: RoadmapField; readonly old: string | number | null; readonly new: string | number | null })
  | (At & { readonly kind: 'entity-added' | 'entity-removed'; readonly entity: string; readonly name: string })
  | (At & { readonly kind: 'entity-renamed'; readonly entity: string; readonly old: string; readonly new: string })
  | (At & { readonly kind: 'stage-added' | 'stage-removed'; readonly title: string })
  | (At & { readonly kind: 'stage-retitled'; readonly old: string; readonly new: string })
  | (At & Moved & { readonly kind: 'stage-moved' })
  | (At & {
      readonly kind: 'activity-added' | 'activity-removed';
      readonly title: string;
      readonly windows: readonly WindowDates[];
      readonly responsible: readonly string[];
    })
  | (At & { readonly kind: 'activity-retitled'; readonly old: string; readonly new: string })
  | (At & { readonly kind: 'activity-restaged'; readonly old: string; readonly new: string })
  | (InWindow & { readonly kind: 'window-added' | 'window-removed'; readonly dates: Dates })
  | (InWindow & Moved & { readonly kind: 'window-moved' })
  | (InWindow & { readonly kind: 'window-rewritten'; readonly old: Dates; readonly new: Dates })
  | (At & {
      readonly kind: 'reassigned' | 'support-changed';
      readonly old: readonly string[];
      readonly new: readonly string[];
      readonly added: readonly string[];
      readonly removed: readonly string[];
    })
  | (InWindow & {
      readonly kind: 'marked-done';
      readonly old: CalendarDate | null;
      readonly new: CalendarDate;
      /** Days after the window's (new) end; 0 when on time. */
      readonly daysLate: number;
    })
  | (InWindow & { readonly kind: 'started'; readonly old: CalendarDate | null; readonly new: CalendarDate | null })
  | (InWindow & { readonly kind: 'cancelled'; readonly old: string | null; readonly new: string })
  | (InWindow & { readonly kind: 'reopened'; readonly old: { readonly done: CalendarDate | null; readonly cancelled: string | null } })
  | (InWindow & { readonly kind: 'evidence-changed'; readonly added: readonly string[]; readonly removed: readonly string[] })
  // The source document's wording (spec revision 2): of the activity (window null) or of one window.
  | (InWindow & { readonly kind: 'period-changed'; readonly old: string | null; readonly new: string | null })
  // A stage's own deadlines (spec revision 2), matched by label.
  | (InDeadline & { readonly kind: 'deadline-added' | 'deadline-removed'; readonly due: CalendarDate; readonly done: CalendarDate | null })
  | (InDeadline & { readonly kind: 'deadline-moved'; readonly old: CalendarDate; readonly new: CalendarDate /** new − old, in days. */; readonly shift: number })
  | (InDeadline & { readonly kind: 'deadline-done'; readonly old: CalendarDate | null; readonly new: CalendarDate; readonly daysLate: number })
  | (InDeadline & { readonly kind: 'deadline-reopened'; readonly old: CalendarDate })
  // Assessments (spec revision 2): who rates, and each assessor's latest rating of a target.
  | (At & { readonly kind: 'assessor-added' | 'assessor-removed'; readonly assessor: string; readonly name: string; readonly assessorKind: string })
  | (At & Rated & { readonly kind: 'rating-added'; readonly level: string; readonly asOf: CalendarDate })
  | (At & Rated & { readonly kind: 'rating-changed'; readonly old: string; readonly new: string; readonly oldAsOf: CalendarDate; readonly asOf: CalendarDate })
  | (At & Rated & { readonly kind: 'rating-withdrawn'; readonly level: string; readonly asOf: CalendarDate });

/** What a rating rates: by whom, on which scale, the whole activity (rated null) or a labelled window. */
export interface Rated {
  readonly by: string;
  readonly scale: string;
  readonly rated: string | null;
}

/** The change kinds a review gate can require sign-off for (`--fail-on`). */

export function gatesOf(c: Change): Gate[] {
  switch (c.kind) {
    case 'window-moved':
    case 'stage-moved':
      return c.endShift > 0 ? ['extended'] : [];
    case 'deadline-moved':
      return c.shift > 0 ? ['extended'] : [];
    case 'deadline-removed':
    case 'roadmap-removed':
    case 'stage-removed':
    case 'activity-removed':
    case 'window-removed':
      return ['removed'];
    // Who supports is a commitment too: a reviewer signs off on it like on who is responsible.
    case 'reassigned':
    case 'support-changed':
      return ['reassigned'];
    case 'reopened':
    case 'deadline-reopened':
      return ['reopened'];
    default:
      return [];
  }
}

/** The changes that trip any of the given gates. */
export function failing(changes: readonly Change[], gates: readonly Gate[]): Change[] {
  return changes.filter((c) => gatesOf(c).some((g) => gates.includes(g)));
}
