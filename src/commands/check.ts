/** `roadmap check`: the CI gate. Exit 1 when some window is in a failing state (or, asked, a disagreement). */
import { check, failed, type CheckResult } from '../check.js';
import { CHECK_EXTENSIONS, CHECK_FAIL_ON, formatByExtension, type CheckFormat } from '../formats.js';
import { STATES, type State } from '../model.js';
import { renderCheckJsonChunks } from '../render/check-json.js';
import { renderCheckMarkdown } from '../render/check-markdown.js';
import { renderCheckText } from '../render/check-text.js';
import { dateLine, verdict } from '../render/finding.js';
import { renderCheckGithub } from '../render/github.js';
import { inert } from '../text/inert.js';
import { plain, type Paint } from '../render/paint.js';
import { repoPathOf } from '../shell/context.js';
import { command } from '../shell/command.js';
import type { Output, Stdout } from '../shell/effects.js';
import { EXIT, UserError } from '../shell/io.js';
import { loadReport, parseList, type Run } from '../shell/run.js';

export interface CheckOptions {
  readonly format?: CheckFormat;
  readonly failOn?: string;
  readonly output?: string;
}

/** What a check renderer may need besides the result. */
export interface CheckView {
  readonly paint: Paint;
  /** A roadmap's file named from the top of the repository (the git work tree), else from cwd. */
  readonly repoPath: (file: string) => string;
}

type CheckRenderer = (result: CheckResult, view: CheckView) => Stdout | Promise<Stdout>;

/** One renderer per format; a new format is one file in src/render/ and one line here. */
export const checkFormats = {
  text: (r, v) => renderCheckText(r, v.paint),
  json: (r) => renderCheckJsonChunks(r),
  github: (r, v) => renderCheckGithub(r, v.repoPath),
  junit: async (r) => (await import('../render/junit.js')).renderJunit(r),
  markdown: (r) => renderCheckMarkdown(r),
  codeclimate: async (r, v) => (await import('../render/codeclimate.js')).renderCodeClimate(r, v.repoPath),
} satisfies Record<CheckFormat, CheckRenderer>;

/** --fail-on: states, and `disagreement`; at least one. */
export function failOnOf(value: string | undefined): { states: State[]; disagreement: boolean } {
  const names = [...new Set(parseList(value ?? 'overdue', CHECK_FAIL_ON, '--fail-on', 'state', `states: ${STATES.join(', ')}; or disagreement`))];
  if (names.length === 0) throw new UserError('--fail-on needs at least one state, e.g. --fail-on overdue,due-soon');
  return { states: names.filter((n): n is State => n !== 'disagreement'), disagreement: names.includes('disagreement') };
}

/** --format, else the --output file's extension (an unknown one is refused rather than guessed), else text. */
export function formatOf(options: CheckOptions): CheckFormat {
  if (options.format) return options.format;
  if (options.output === undefined) return 'text';
  const by = formatByExtension(options.output, CHECK_EXTENSIONS);
  if ('error' in by) throw new UserError(`--output ${inert(options.output)}: ${by.error}`);
  return by.format;
}

const whole = async (text: Stdout | Promise<Stdout>): Promise<string> => {
  const t = await text;
  return typeof t === 'string' ? t : [...t].join('');
};

export async function plan(run: Run, options: CheckOptions): Promise<Output> {
  const failOn = failOnOf(options.failOn);
  const format = formatOf(options);
  const { loaded, report } = await loadReport(run);
  const result = check(report, failOn.states, { disagreement: failOn.disagreement });
  const repoPath = repoPathOf(run.io.cwd);
  const view = (paint: Paint): CheckView => ({ paint, repoPath });
  const summary = (room: number) => renderCheckMarkdown(result, { maxBytes: room });
  const exit = failed(result) ? EXIT.failing : EXIT.ok;
  if (options.output) {
    // The file holds the report; the log gets annotations inside GitHub Actions, the text list elsewhere.
    const console: CheckFormat = run.io.env.GITHUB_ACTIONS === 'true' && format !== 'github' ? 'github' : 'text';
    const output = options.output;
    return {
      files: [
        {
          path: output,
          text: await whole(checkFormats[format](result, view(plain))),
          inputs: loaded.files,
          said: (w) => (w === 'replaced' && !run.quiet ? `roadmap: replaced ${output}\n` : undefined),
        },
      ],
      stdout: await checkFormats[console](result, view(console === 'text' ? run.paint : plain)),
      summary,
      exit,
    };
  }
  const stdout = await checkFormats[format](result, view(format === 'text' ? run.paint : plain));
  const stderr = format !== 'text' && !run.quiet ? `roadmap check: ${verdict(result)} (${dateLine(result)})\n` : undefined;
  return { stdout, stderr, summary, exit };
}

export const run = command(plan);
