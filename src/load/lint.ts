/**
 * Warnings about roadmaps that load but are probably not what the editor meant.
 * Pure: a roadmap and its today in, problems (severity warning) out.
 */
import type { CalendarDate } from '../calendar/date.js';
import type { Activity, Position, Problem, Roadmap, Stage, Window } from '../model.js';
import { span } from '../text/inert.js';

function warning(at: Position, message: string): Problem {
  return { file: at.file, line: at.line, column: at.column, severity: 'warning', message };
}

function windowTitle(a: Activity, w: Window): string {
  return a.windows.length > 1 && w.label ? `window '${w.label}' of activity ${a.id}` : `the window of activity ${a.id}`;
}

function outsideStage(stage: Stage, a: Activity, w: Window): Problem[] {
  if (!stage.windowWritten || !stage.start || !stage.end) return [];
  const sides = [w.start < stage.start ? 'starts before' : '', w.end > stage.end ? 'ends after' : ''].filter(Boolean);
  if (sides.length === 0) return [];
  return [warning(w.at, `${windowTitle(a, w)} (${span(w.start, w.end)}) ${sides.join(' and ')} its stage ${stage.id} (${span(stage.start, stage.end)})`)];
}

/**
 * A date recorded for after today does not count until then (SPEC §2): likely a typo.
 * A completion before the window opens is fine: finished early is on time.
 */
function futureDates(w: Window, today: CalendarDate): Problem[] {
  const out: Problem[] = [];
  if (w.done && w.done > today) out.push(warning(w.doneAt ?? w.at, `done ${w.done} is in the future (today is ${today})`));
  if (w.started && w.started > today) out.push(warning(w.startedAt ?? w.at, `started ${w.started} is in the future (today is ${today})`));
  return out;
}

function activityWarnings(stage: Stage, a: Activity, today: CalendarDate): Problem[] {
  const out: Problem[] = [];
  if (a.responsible.length === 0) out.push(warning(a.at, `activity ${a.id} has no responsible entity: add responsible:`));
  for (const w of a.windows) out.push(...outsideStage(stage, a, w), ...futureDates(w, today));
  if (a.assessments) out.push(...unsourced(a));
  return out;
}

/** A rating without its report cannot be checked by a reader. */
function unsourced(a: Activity): Problem[] {
  return (a.assessments ?? []).filter((x) => x.source === null).map((x) => warning(x.at, `the assessment of ${a.id} by ${x.by} as of ${x.asOf} has no source: add source: (the report it comes from)`));
}

function unusedEntities(roadmap: Roadmap): Problem[] {
  const used = new Set(roadmap.stages.flatMap((s) => s.activities.flatMap((a) => [...a.responsible, ...a.support])));
  return [...roadmap.entities.values()].filter((e) => !used.has(e.id)).map((e) => warning(e.at, `entity ${e.id} is defined but no activity names it (responsible or support)`));
}

/** Every warning for one roadmap, once each (an activity's `done` and `started` are inherited by all its windows). */
export function lint(roadmap: Roadmap, today: CalendarDate): Problem[] {
  const all: Problem[] = [...unusedEntities(roadmap)];
  for (const stage of roadmap.stages) {
    if (stage.activities.length === 0) all.push(warning(stage.at, `stage ${stage.id} has no activities`));
    for (const a of stage.activities) all.push(...activityWarnings(stage, a, today));
    // A stage deadline's only date of its own is its done (a milestone's, spec revision 2).
    for (const d of stage.deadlines) all.push(...futureDates(d, today));
  }
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
