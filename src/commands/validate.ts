/** `roadmap validate [paths..]`: every error and warning in every roadmap file, with positions. */
import type { ValidateFormat } from '../formats.js';
import { lint } from '../load/lint.js';
import { screenRoadmaps } from '../load/screen.js';
import { inert } from '../render/inert.js';
import { loadRoadmaps } from '../load/index.js';
import type { Problem } from '../model.js';
import { renderProblemsGithub } from '../render/github.js';
import { jsonText } from '../render/json.js';
import { plural } from '../render/words.js';
import { roadmapPaths, todayFor, type GlobalOptions } from '../shell/context.js';
import { EXIT, type Io } from '../shell/io.js';
import { problemLines, problemSummary, sortProblems } from '../shell/problems.js';

export interface ValidateOptions extends GlobalOptions {
  readonly format?: ValidateFormat;
  readonly strict?: boolean;
  readonly onlyRoadmaps?: boolean;
}

function summary(problems: readonly Problem[], files: number): string {
  const checked = `${plural(files, 'file')} checked`;
  return problems.length ? `${problemSummary(problems)} (${checked})` : `${checked}: no problems`;
}

export async function run(options: ValidateOptions, io: Io, paths: string[] = []): Promise<number> {
  todayFor(options, io, []); // a bad --today is reported before any file is read
  if (options.onlyRoadmaps && paths.length) {
    const { keep, skipped } = await screenRoadmaps(paths, io.cwd);
    if (!options.quiet) for (const s of skipped) io.err(`roadmap validate: skipped ${inert(s)}: not a roadmap (no top-level schema: key)\n`);
    if (keep.length === 0) return noRoadmaps(options.format ?? 'text', skipped.length, io);
    paths = keep;
  }
  // Every edition of every roadmap, not only the ones other commands would pick.
  const loaded = await loadRoadmaps(paths.length ? paths : roadmapPaths(options, io), { cwd: io.cwd });
  const { today, todayOf } = todayFor(options, io, loaded.all);
  const warnings = loaded.all.flatMap((r) => lint(r, todayOf?.(r) ?? today));
  const problems = sortProblems([...loaded.problems, ...warnings]);
  const errors = problems.some((p) => p.severity === 'error');
  const valid = !errors && !(options.strict && problems.length > 0);
  switch (options.format ?? 'text') {
    case 'text': {
      const mark = valid ? '✓' : '✗';
      io.out([...problemLines(problems), ...(problems.length ? [''] : []), `${mark} ${summary(problems, loaded.files.length)}`].join('\n') + '\n');
      break;
    }
    case 'json':
      io.out(jsonText({ valid, problems: problems.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message })) }));
      break;
    case 'github':
      io.out(renderProblemsGithub(problems));
      break;
  }
  if (options.format && options.format !== 'text' && !options.quiet) io.err(`roadmap validate: ${summary(problems, loaded.files.length)}\n`);
  return valid ? EXIT.ok : EXIT.unusable;
}

/** --only-roadmaps with no roadmap among the files named (a commit touching other YAML): nothing to fail. */
function noRoadmaps(format: ValidateFormat, files: number, io: Io): number {
  if (format === 'text') io.out(`✓ no roadmap among the ${plural(files, 'file')} named\n`);
  if (format === 'json') io.out(jsonText({ valid: true, problems: [] }));
  return EXIT.ok;
}
