/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`). Pure.
 * Escaping follows the runner (actions/toolkit's command.ts): in messages `%`,
 * CR and LF; in properties also `:` and `,`. With line breaks escaped, nothing
 * from a roadmap can begin a line, so nothing from it can start a command; other
 * controls (an ESC in a file name) are made visible.
 */
import type { CheckResult, DisagreementFinding, Finding } from '../check.js';
import type { Problem } from '../model.js';
import { disagreementName, disagreementWords, findingName, findingState, findingTitle, findingWho } from './finding.js';
import { inert, visibleControls } from '../text/inert.js';
import { plural, span } from './words.js';

export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  readonly level: Level;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title?: string;
  readonly message: string;
}

/** GitHub shows at most this many error and this many warning annotations per step. */
export const ANNOTATION_CAP = 10;

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function command(a: Annotation): string {
  const props = (['file', 'line', 'col', 'title'] as const).flatMap((k) => (a[k] === undefined ? [] : [`${k}=${escapeProperty(visibleControls(String(a[k])))}`])).join(',');
  return `::${a.level}${props ? ` ${props}` : ''}::${escapeData(a.message)}`;
}

/**
 * The first ANNOTATION_CAP errors and warnings (callers order them most urgent
 * first), then one notice counting what was left off.
 */
export function capped(annotations: readonly Annotation[], rest: (errors: number, warnings: number) => string): string {
  const shown: Annotation[] = [];
  const left = { error: 0, warning: 0, notice: 0 };
  const kept = { error: 0, warning: 0, notice: 0 };
  for (const a of annotations) {
    if (a.level !== 'notice' && kept[a.level] >= ANNOTATION_CAP) left[a.level]++;
    else {
      kept[a.level]++;
      shown.push(a);
    }
  }
  const lines = shown.map(command);
  if (left.error || left.warning) lines.push(command({ level: 'notice', title: 'roadmap', message: rest(left.error, left.warning) }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** A file as the runner resolves it: from the top of the repository, not from the working directory. */
export type RepoPath = (file: string) => string;

function findingAnnotation(f: Finding, level: Level, repoPath: RepoPath): Annotation {
  const w = f.window.window;
  return {
    level,
    file: repoPath(f.at.file),
    line: f.at.line,
    col: f.at.column,
    title: `${findingName(f)} ${findingState(f)}`,
    message: f.activity
      ? `${findingTitle(f)} — ${findingState(f)} (window ${span(w.start, w.end)}; responsible: ${findingWho(f)})`
      : `${findingTitle(f)} — stage deadline ${w.label ? `"${inert(w.label)}" ` : ''}${w.end}: ${findingState(f)}`,
  };
}

/** At the assessment's line: the rating that shows the disagreement. */
function disagreementAnnotation(f: DisagreementFinding, repoPath: RepoPath): Annotation {
  return {
    level: 'error',
    file: repoPath(f.at.file),
    line: f.at.line,
    col: f.at.column,
    title: `${disagreementName(f)} disagreement`,
    message: `${inert(f.activity.activity.title)} — ${disagreementWords(f)}`,
  };
}

/** `roadmap check --format github`: an error per failing window and disagreement, a warning per window due soon. */
export function renderCheckGithub(result: CheckResult, repoPath: RepoPath = (f) => f): string {
  const annotations = [
    ...result.failing.map((f) => findingAnnotation(f, 'error', repoPath)),
    ...result.disagreements.map((f) => disagreementAnnotation(f, repoPath)),
    ...result.dueSoon.map((f) => findingAnnotation(f, 'warning', repoPath)),
  ];
  return capped(annotations, (errors, warnings) => {
    const parts = [errors ? `${plural(errors, result.disagreements.length ? 'more failing item' : 'more failing window')}` : '', warnings ? `${plural(warnings, 'more window')} due soon` : ''].filter(
      Boolean,
    );
    return `${parts.join(' and ')} not annotated (GitHub shows ${ANNOTATION_CAP} of each per step); the job summary and \`roadmap check\` list them all`;
  });
}

/** `roadmap validate --format github`: an annotation on each problem's line. */
export function renderProblemsGithub(problems: readonly Problem[], repoPath: RepoPath = (f) => f): string {
  const annotations = problems.map(
    (p): Annotation => ({
      level: p.severity,
      file: repoPath(p.file),
      ...(p.line > 0 ? { line: p.line, col: p.column } : {}),
      title: 'roadmap validate',
      message: inert(p.message),
    }),
  );
  return capped(annotations, (errors, warnings) => {
    const parts = [errors ? plural(errors, 'more error') : '', warnings ? plural(warnings, 'more warning') : ''].filter(Boolean);
    return `${parts.join(' and ')} not annotated (GitHub shows ${ANNOTATION_CAP} of each per step); run \`roadmap validate\` to list them all`;
  });
}
