/**
 * The CI gate's core: which windows of a report are in a failing state, most
 * urgent first. Pure; every `check` format renders a CheckResult.
 */
import { assess, type Disagreement } from './assess.js';
import { RANK, urgencyKey, type ActivityReport, type DeadlineReport, type Report, type WindowReport } from './evaluate.js';
import type { Position, State } from './model.js';

/** A window of an activity, or (spec revision 2) a stage's own deadline. */
export type Finding = WindowFinding | DeadlineFinding;

export interface WindowFinding {
  readonly activity: ActivityReport;
  readonly deadline?: undefined;
  readonly window: WindowReport;
  /** Where to point: the window's own line when the activity has several, else the activity's. */
  readonly at: Position;
}

export interface DeadlineFinding {
  readonly activity?: undefined;
  readonly deadline: DeadlineReport;
  readonly window: WindowReport;
  /** The deadline's own line. */
  readonly at: Position;
}

export interface CheckResult {
  readonly report: Report;
  readonly failOn: readonly State[];
  /** Windows in a failing state, most urgent first. */
  readonly failing: readonly Finding[];
  /** Due-soon windows that do not fail (a heads-up), most urgent first. */
  readonly dueSoon: readonly Finding[];
  /** Activities with a failing window, in the order of their most urgent one. */
  readonly failingActivities: readonly ActivityReport[];
  /** Whether disagreements between ratings fail too (`--fail-on disagreement`). */
  readonly disagreement: boolean;
  /** The failing disagreements, in file order; empty unless `disagreement`. */
  readonly disagreements: readonly DisagreementFinding[];
}

/** A disagreement between ratings, pointed at the assessment that shows it. */
export interface DisagreementFinding {
  readonly activity: ActivityReport;
  readonly disagreement: Disagreement;
  readonly at: Position;
}

export interface CheckOptions {
  /** Fail on disagreements between ratings too. */
  readonly disagreement?: boolean;
}

const NO_FINDINGS: readonly never[] = Object.freeze([]);

/** What `check --fail-on disagreement` fails on, each at its assessment's line. */
export function disagreementFindings(report: Report): DisagreementFinding[] {
  return assess(report).disagreements.map(({ report: activity, disagreement }) => ({ activity, disagreement, at: disagreement.at }));
}

/** Whether anything fails: a window in a failing state, or a disagreement. */
export function failed(result: CheckResult): boolean {
  return result.failing.length > 0 || result.disagreements.length > 0;
}

/** The --fail-on list as shown: the states, then `disagreement`. */
export function failOnWords(result: CheckResult): string[] {
  return result.disagreement ? [...result.failOn, 'disagreement'] : [...result.failOn];
}

/** Most urgent first; ties keep file order (the sort is stable). */
export function byWindowUrgency(a: Finding, b: Finding): number {
  return RANK[a.window.state] - RANK[b.window.state] || urgencyKey(a.window) - urgencyKey(b.window);
}

/** A window of an activity, pointed at. */
export function finding(activity: ActivityReport, window: WindowReport): WindowFinding {
  return { activity, window, at: activity.windows.length > 1 ? window.window.at : activity.activity.at };
}

export function deadlineFinding(deadline: DeadlineReport): DeadlineFinding {
  return { deadline, window: deadline.deadline, at: deadline.deadline.window.at };
}

export function check(report: Report, failOn: readonly State[], options: CheckOptions = {}): CheckResult {
  const fails = new Set(failOn);
  const failing: Finding[] = [];
  const dueSoon: Finding[] = [];
  const activities = report.activities;
  for (let i = 0; i < activities.length; i++) {
    const activity = activities[i]!;
    for (let j = 0; j < activity.windows.length; j++) {
      const window = activity.windows[j]!;
      if (fails.has(window.state)) failing.push(finding(activity, window));
      else if (window.state === 'due-soon') dueSoon.push(finding(activity, window));
    }
  }
  // Stage deadlines fail the gate as an activity's window does.
  for (const d of report.deadlines) {
    if (fails.has(d.deadline.state)) failing.push(deadlineFinding(d));
    else if (d.deadline.state === 'due-soon') dueSoon.push(deadlineFinding(d));
  }
  failing.sort(byWindowUrgency);
  dueSoon.sort(byWindowUrgency);
  const disagreement = options.disagreement === true;
  const disagreements = disagreement ? disagreementFindings(report) : NO_FINDINGS;
  return { report, failOn, failing, dueSoon, failingActivities: activitiesOf(failing), disagreement, disagreements };
}

/** The activities of the findings, each once, in order (no array per finding). */
function activitiesOf(findings: readonly Finding[]): ActivityReport[] {
  const seen = new Set<ActivityReport>();
  for (let i = 0; i < findings.length; i++) {
    const a = findings[i]!.activity;
    if (a) seen.add(a);
  }
  return [...seen];
}
