/** `roadmap check --format json`: the SPEC §4 document of what fails, with `failOn` and `failed`. Pure. */
import { disagreementJson } from '../assess.js';
import { failed, failOnWords, type CheckResult } from '../check.js';
import type { ActivityReport } from '../evaluate.js';
import { renderJsonChunks, reportJson } from './json.js';

/** The activities listed: those with a failing window, then those with a failing disagreement. */
function listed(result: CheckResult): readonly ActivityReport[] {
  return result.disagreements.length ? [...new Set([...result.failingActivities, ...result.disagreements.map((f) => f.activity)])] : result.failingActivities;
}

/**
 * The gate's verdict after the activities. With `disagreement` in failOn, also
 * `disagreements`: each with its activity and the assessment's file and line.
 */
function verdictJson(result: CheckResult) {
  return {
    failOn: failOnWords(result),
    failed: failed(result),
    ...(result.disagreement
      ? { disagreements: result.disagreements.map((f) => ({ roadmap: f.activity.roadmap.id, activity: f.activity.activity.id, file: f.at.file, ...disagreementJson(f.disagreement) })) }
      : undefined),
  };
}

export function checkJson(result: CheckResult) {
  return { ...reportJson(result.report, listed(result)), ...verdictJson(result) };
}

/** The same document in pieces, for printing as they come (a portfolio's is tens of megabytes). */
export function renderCheckJsonChunks(result: CheckResult): Iterable<string> {
  return renderJsonChunks(result.report, undefined, listed(result), verdictJson(result));
}
