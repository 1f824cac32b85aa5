/** `roadmap validate [paths..]`: every error and warning in every roadmap file, with positions. */
import type { ValidateFormat } from '../formats.js';
import { loadRoadmaps } from '../load/index.js';
import { lint } from '../load/lint.js';
import { screenRoadmaps } from '../load/screen.js';
import type { Problem } from '../model.js';
import { renderProblemsGithub } from '../render/github.js';
import { inert } from '../text/inert.js';
import { jsonText } from '../render/json.js';
import { plural } from '../render/words.js';
import { command } from '../shell/command.js';
import { repoPathOf } from '../shell/context.js';
import type { Output } from '../shell/effects.js';
import { EXIT } from '../shell/io.js';
import { problemLines, problemSummary, sortProblems } from '../shell/problems.js';
import { todayFor, type Run } from '../shell/run.js';

export interface ValidateOptions {
  readonly format?: ValidateFormat;
  readonly strict?: boolean;
  readonly onlyRoadmaps?: boolean;
}

interface Validated {
  readonly problems: readonly Problem[];
  readonly valid: boolean;
  readonly files: number;
  readonly repoPath: (file: string) => string;
}

/** One renderer per format. */
export const validateFormats = {
  text: (v) => `${[...problemLines(v.problems), ...(v.problems.length ? [''] : []), `${v.valid ? '✓' : '✗'} ${summary(v.problems, v.files)}`].join('\n')}\n`,
  json: (v) => jsonText({ valid: v.valid, problems: v.problems.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message })) }),
  github: (v) => renderProblemsGithub(v.problems, v.repoPath),
} satisfies Record<ValidateFormat, (v: Validated) => string>;

function summary(problems: readonly Problem[], files: number): string {
  const checked = `${plural(files, 'file')} checked`;
  return problems.length ? `${problemSummary(problems)} (${checked})` : `${checked}: no problems`;
}

export async function plan(run: Run, options: ValidateOptions, paths: string[] = []): Promise<Output> {
  const format = options.format ?? 'text';
  let skipped = '';
  if (options.onlyRoadmaps && paths.length) {
    const screened = screenRoadmaps(paths, run.io.cwd);
    if (!run.quiet) skipped = screened.skipped.map((s) => `roadmap validate: skipped ${inert(s)}: not a roadmap (no top-level schema: key)\n`).join('');
    if (screened.keep.length === 0) return { ...noRoadmaps(format, screened.skipped.length), stderr: skipped };
    paths = screened.keep;
  }
  // Every edition of every roadmap, not only the ones other commands would pick.
  const loaded = await loadRoadmaps(paths.length ? paths : run.paths(), { cwd: run.io.cwd });
  const { today, todayOf } = todayFor(run.today, loaded.all);
  const warnings = loaded.all.flatMap((r) => lint(r, todayOf?.(r) ?? today));
  const problems = sortProblems([...loaded.problems, ...warnings]);
  const errors = problems.some((p) => p.severity === 'error');
  const valid = !errors && !(options.strict && problems.length > 0);
  const said = format !== 'text' && !run.quiet ? `roadmap validate: ${summary(problems, loaded.files.length)}\n` : '';
  return {
    stdout: validateFormats[format]({ problems, valid, files: loaded.files.length, repoPath: repoPathOf(run.io.cwd) }),
    stderr: skipped + said,
    exit: valid ? EXIT.ok : EXIT.unusable,
  };
}

/** --only-roadmaps with no roadmap among the files named (a commit touching other YAML): nothing to fail. */
function noRoadmaps(format: ValidateFormat, files: number): Output {
  if (format === 'text') return { stdout: `✓ no roadmap among the ${plural(files, 'file')} named\n`, exit: EXIT.ok };
  if (format === 'json') return { stdout: jsonText({ valid: true, problems: [] }), exit: EXIT.ok };
  return { exit: EXIT.ok };
}

export const run = command<ValidateOptions, [string[]?]>(plan);
