/** How one finding of `roadmap check` (a window in some state) is named in every format. Pure. */
import { disagreementText } from '../assess.js';
import { failOnWords, type CheckResult, type DisagreementFinding, type Finding } from '../check.js';
import { inert, inertPath } from '../text/inert.js';
import { plural, when } from './words.js';

/** "az-ogp-2019-21 3.3 [6th month]": the roadmap, the activity, and which window when it has several. */
export function findingName(f: Finding): string {
  const a = f.activity;
  const n = a.windows.length;
  const which = n > 1 ? ` [${f.window.window.label ? inert(f.window.window.label) : `window ${f.window.index + 1} of ${n}`}]` : '';
  return `${inert(a.roadmap.id)} ${inert(a.activity.id)}${which}`;
}

/** "overdue 76d", "due-soon: due in 3d", "done 2019-04-20 (5d late)". */
export function findingState(f: Finding): string {
  const w = f.window;
  const detail = when(w, w.window.done, w.window.cancelled);
  return detail.startsWith(w.state) ? detail : `${w.state}: ${detail}`;
}

export function findingWho(f: Finding): string {
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
  const split = disagreements.length ? `${plural(disagreements.length, 'disagreement')} between ratings` : '';
  const head = failing.length
    ? `${plural(failing.length, 'window')} failing (${on}) in ${failingActivities.length} of ${plural(total, 'activity', 'activities')}${split ? `; ${split}` : ''}`
    : split ? `${split} failing (${on}) among ${plural(total, 'activity', 'activities')}`
    : `nothing failing (${on}) among ${plural(total, 'activity', 'activities')}`;
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
