/** `roadmap check --format text`: one line per failing window, then a verdict. Pure. */
import { failed, type CheckResult, type DisagreementFinding, type Finding } from '../check.js';
import { dateLine, disagreementName, disagreementWhere, disagreementWords, findingName, findingState, findingTitle, findingWhere, findingWho, verdict } from './finding.js';
import { inert } from '../text/inert.js';
import type { Paint } from './paint.js';

function line(f: Finding, paint: Paint): string {
  return [paint.bold(findingName(f)), findingTitle(f), paint.state(f.window.state, findingState(f)), findingWho(f), paint.dim(findingWhere(f))].join(' · ');
}

function disagreementLine(f: DisagreementFinding, paint: Paint): string {
  return [paint.bold(disagreementName(f)), inert(f.activity.activity.title), paint.state('overdue', disagreementWords(f)), paint.dim(disagreementWhere(f))].join(' · ');
}

export function renderCheckText(result: CheckResult, paint: Paint): string {
  const mark = failed(result) ? paint.state('overdue', '✗') : paint.state('done', '✓');
  const summary = `${mark} ${paint.bold(verdict(result))} ${paint.dim(`(${dateLine(result)})`)}`;
  const lines = [...result.failing.map((f) => line(f, paint)), ...result.disagreements.map((f) => disagreementLine(f, paint))];
  return `${[...lines, ...(lines.length ? [''] : []), summary].join('\n')}\n`;
}
