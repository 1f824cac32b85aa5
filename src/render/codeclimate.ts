/**
 * `check --format codeclimate`: GitLab's Code Quality report, a JSON array of issues.
 * Pure. A fingerprint names the roadmap, the activity, the window and the check,
 * never today or a day count, so GitLab sees the same failing window as one issue
 * from run to run (and as fixed once it stops failing).
 *
 * Severity: overdue is `major` (a missed deadline), due-soon and a disagreement
 * between ratings are `minor` (a warning), any other state someone fails on is `info`.
 */
import { createHash } from 'node:crypto';
import { disagreementText } from '../assess.js';
import type { CheckResult, DisagreementFinding, Finding } from '../check.js';
import type { Position } from '../model.js';
import { findingName, findingState, findingTitle, findingWho } from './finding.js';
import { inert } from '../text/inert.js';
import { jsonText } from './json.js';

const SEVERITY: Readonly<Record<string, string>> = { overdue: 'major', 'due-soon': 'minor', disagreement: 'minor' };

function fingerprint(...parts: readonly string[]): string {
  return createHash('md5').update(parts.join('\u0000')).digest('hex');
}

function issue(check: string, description: string, key: string, at: Position, repoPath: (file: string) => string) {
  return {
    type: 'issue',
    description,
    check_name: `roadmap/${check}`,
    fingerprint: fingerprint(key, check),
    severity: SEVERITY[check] ?? 'info',
    location: { path: repoPath(at.file), lines: { begin: at.line } },
  };
}

function windowIssue(f: Finding, repoPath: (file: string) => string) {
  const which = f.window.window.label ?? String(f.window.index + 1);
  // A stage's own deadline is keyed by its stage, apart from any activity id.
  const key = f.activity ? [f.activity.roadmap.id, f.activity.activity.id, which] : [f.deadline.roadmap.id, 'stage', f.deadline.stage.id, which];
  return issue(f.window.state, `${findingName(f)} ${findingTitle(f)}: ${findingState(f)} (${findingWho(f)})`, key.join('\u0000'), f.at, repoPath);
}

function disagreementIssue(f: DisagreementFinding, repoPath: (file: string) => string) {
  const a = f.activity;
  const d = f.disagreement;
  // Who disagrees, not where: an edit above moves the line.
  const who = d.kind === 'apart' ? [d.scale, d.high.assessment.by, d.low.assessment.by] : [d.rating.assessment.by];
  const key = [a.roadmap.id, a.activity.id, d.window ?? '', d.kind, ...who].join('\u0000');
  return issue('disagreement', `${inert(a.roadmap.id)} ${inert(a.activity.id)} ${inert(a.activity.title)}: disagreement: ${disagreementText(d, inert)}`, key, f.at, repoPath);
}

/** `repoPath` names a roadmap's file from the repository's top, as GitLab links it. */
export function renderCodeClimate(result: CheckResult, repoPath: (file: string) => string): string {
  return jsonText([...result.failing.map((f) => windowIssue(f, repoPath)), ...result.disagreements.map((f) => disagreementIssue(f, repoPath))]);
}
