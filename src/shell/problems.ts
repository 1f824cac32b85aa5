import type { Problem } from '../model.js';
import { inert, inertPath } from '../text/inert.js';
import { plural } from '../render/words.js';

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${inertPath(p.file)}:${p.line}:${p.column}` : inertPath(p.file);
  return `${where}: ${p.severity}: ${inert(p.message)}`;
}

/** Sorted by file and position, as an editor lists them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function problemSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean);
  return `${parts.join(' and ')} in ${plural(files, 'file')}`;
}

/** Problems listed at most, on stderr or by `validate`: past it, a count. JSON output carries them all. */
export const PROBLEMS_SHOWN = 1000;

/** The problems sorted and formatted, one a line, the first PROBLEMS_SHOWN, then "… and N more problems". */
export function problemLines(problems: readonly Problem[]): string[] {
  const sorted = sortProblems(problems);
  const lines = sorted.slice(0, PROBLEMS_SHOWN).map(formatProblem);
  const hidden = sorted.length - lines.length;
  if (hidden > 0) lines.push(`… and ${hidden.toLocaleString('en')} more ${hidden === 1 ? 'problem' : 'problems'} (\`roadmap validate --format json\` lists them all)`);
  return lines;
}
