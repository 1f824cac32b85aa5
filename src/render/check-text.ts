/** `roadmap check --format text`: one line per failing window, then a verdict. Pure. */
import type { CheckResult, Finding } from '../check.js';
import { dateLine, findingName, findingState, findingTitle, findingWhere, findingWho, verdict } from './finding.js';
import type { Paint } from './paint.js';

function line(f: Finding, paint: Paint): string {
  return [
    paint.bold(findingName(f)),
    findingTitle(f),
    paint.state(f.window.state, findingState(f)),
    findingWho(f),
    paint.dim(findingWhere(f)),
  ].join(' · ');
}

export function renderCheckText(result: CheckResult, paint: Paint): string {
  const mark = result.failing.length ? paint.state('overdue', '✗') : paint.state('done', '✓');
  const summary = `${mark} ${paint.bold(verdict(result))} ${paint.dim(`(${dateLine(result)})`)}`;
  const lines = result.failing.map((f) => line(f, paint));
  return `${[...lines, ...(lines.length ? [''] : []), summary].join('\n')}\n`;
}
