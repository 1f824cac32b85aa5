/** `roadmap check --format json`: the SPEC §4 document of what fails, with `failOn` and `failed`. Pure. */
import { disagreementJson } from '../assess.js';
import { failed, failOnWords, type CheckResult } from '../check.js';
import { jsonText, reportJson } from './json.js';

/**
 * The failing activities (windows or ratings) with the gate's verdict. With
 * `disagreement` in failOn, also `disagreements`: each with its activity and the
 * assessment's file and line.
 */
export function checkJson(result: CheckResult) {
  const activities = result.disagreements.length
    ? [...new Set([...result.failingActivities, ...result.disagreements.map((f) => f.activity)])]
    : result.failingActivities;
  return {
    ...reportJson(result.report, activities),
    failOn: failOnWords(result),
    failed: failed(result),
    ...(result.disagreement
      ? { disagreements: result.disagreements.map((f) => ({ roadmap: f.activity.roadmap.id, activity: f.activity.activity.id, file: f.at.file, ...disagreementJson(f.disagreement) })) }
      : undefined),
  };
}

export function renderCheckJson(result: CheckResult): string {
  return jsonText(checkJson(result));
}
