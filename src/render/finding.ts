/** How one finding of `roadmap check` (a window in some state) is named in every format. Pure. */
import { disagreementText } from '../assess.js';
import { failOnWords, type CheckResult, type DisagreementFinding, type Finding } from '../check.js';
import { inert, inertPath } from '../text/inert.js';
import { plural, when } from './words.js';

/** "az-ogp-2019-21 3.3 [6th month]": the roadmap, the activity, and which window when it has several. */
export function findingName(f: Finding): string {
  const a = f.activity;
  if (!a) return deadlineName(f.deadline.roadmap.id, f.deadline.stage.id, f.window.window.label);
  const n = a.windows.length;
  const which = n > 1 ? ` [${f.window.window.label ? inert(f.window.window.label) : `window ${f.window.index + 1} of ${n}`}]` : '';
  return `${inert(a.roadmap.id)} ${inert(a.activity.id)}${which}`;
}

/** "az-ogp-2019-21 stage I deadline [label]": a stage's own deadline. */
export function deadlineName(roadmap: string, stage: string, label: string | null): string {
  return `${inert(roadmap)} stage ${inert(stage)} deadline${label ? ` [${inert(label)}]` : ''}`;
}

/** What is late: the activity's title, or the stage's for a stage deadline. */
export function findingTitle(f: Finding): string {
  return f.activity ? inert(f.activity.activity.title) : `Stage ${inert(f.deadline.stage.id)} · ${inert(f.deadline.stage.title)}`;
}

/** "overdue 76d", "due-soon: due in 3d", "done 2019-04-20 (5d late)". */
export function findingState(f: Finding): string {
  const w = f.window;
  const detail = when(w, w.window.done, w.window.cancelled);
  return detail.startsWith(w.state) ? detail : `${w.state}: ${detail}`;
}

export function findingWho(f: Finding): string {
  if (!f.activity) return '—';
  const ids = f.activity.activity.responsible;
  return ids.length ? ids.map(inert).join(', ') : 'no one responsible';
}

export function findingWhere(f: Finding): string {
  return `${inertPath(f.at.file)}:${f.at.line}`;
}

/** "6 windows failing (overdue) in 6 of 19 activities; 1 window due soon". */
export function verdict(result: CheckResult): string {
  const { failing, dueSoon, failingActivities, report, disagreements } = result;
  const on = failOnWords(result).join(', ');
  const total = report.activities.length;
  const windows = failing.reduce((n, f) => n + (f.activity ? 1 : 0), 0);
  const deadlines = plural(failing.length - windows, 'stage deadline');
  const split = disagreements.length ? `${plural(disagreements.length, 'disagreement')} between ratings` : '';
  const among = `among ${plural(total, 'activity', 'activities')}`;
  const failed =
    windows && windows < failing.length
      ? `${plural(windows, 'window')} failing (${on}) in ${failingActivities.length} of ${plural(total, 'activity', 'activities')}, and ${deadlines}`
      : windows
        ? `${plural(windows, 'window')} failing (${on}) in ${failingActivities.length} of ${plural(total, 'activity', 'activities')}`
        : failing.length
          ? `${deadlines} failing (${on}); no window failing ${among}`
          : '';
  const head = failed ? `${failed}${split ? `; ${split}` : ''}` : split ? `${split} failing (${on}) ${among}` : `nothing failing (${on}) ${among}`;
  return dueSoon.length ? `${head}; ${plural(dueSoon.length, 'window')} due soon` : head;
}

/** "az-ogp-2019-21 2.3": the roadmap and the activity a disagreement is about. */
export function disagreementName(f: DisagreementFinding): string {
  return `${inert(f.activity.roadmap.id)} ${inert(f.activity.activity.id)}`;
}

/** "disagreement: NGOS limited vs GOV complete: 2 steps apart", inert. */
export function disagreementWords(f: DisagreementFinding): string {
  return `disagreement: ${disagreementText(f.disagreement, inert)}`;
}

export function disagreementWhere(f: DisagreementFinding): string {
  return `${inertPath(f.at.file)}:${f.at.line}`;
}

export function dateLine(result: CheckResult): string {
  return `today ${result.report.today}, horizon ${result.report.horizonDays} days`;
}
