/** `roadmap check`: the CI gate. Exit 1 when some window is in a failing state. */
import path from 'node:path';
import { check, type CheckResult } from '../check.js';
import { CHECK_EXTENSIONS, formatByExtension, type CheckFormat } from '../formats.js';
import { inert } from '../render/inert.js';
import { renderCheckMarkdown } from '../render/check-markdown.js';
import { renderCheckText } from '../render/check-text.js';
import { dateLine, verdict } from '../render/finding.js';
import { renderCheckGithub } from '../render/github.js';
import { renderJsonChunks } from '../render/json.js';
import { plain, type Paint } from '../render/paint.js';
import type { State } from '../model.js';
import { loadReport, paintFor, parseStates, type FilterOptions, type GlobalOptions } from '../shell/context.js';
import { appendText, summaryRoom } from '../shell/files.js';
import { writeOutput } from '../shell/write.js';
import { EXIT, UserError, type Io } from '../shell/io.js';
import { outPieces } from '../shell/output.js';

export interface CheckOptions extends GlobalOptions, FilterOptions {
  readonly format?: CheckFormat;
  readonly failOn?: string;
  readonly output?: string;
}

function failOnOf(value: string | undefined): State[] {
  const states = parseStates(value ?? 'overdue', '--fail-on') ?? [];
  if (states.length === 0) throw new UserError('--fail-on needs at least one state, e.g. --fail-on overdue,due-soon');
  return [...new Set(states)];
}

/** --format, else the --output file's extension (an unknown one is refused rather than guessed), else text. */
export function formatOf(options: CheckOptions): CheckFormat {
  if (options.format) return options.format;
  if (options.output === undefined) return 'text';
  const by = formatByExtension(options.output, CHECK_EXTENSIONS);
  if ('error' in by) throw new UserError(`--output ${inert(options.output)}: ${by.error}`);
  return by.format;
}

async function render(format: CheckFormat, result: CheckResult, paint: Paint): Promise<string> {
  switch (format) {
    case 'text': return renderCheckText(result, paint);
    case 'json': return [...jsonPieces(result)].join('');
    case 'github': return renderCheckGithub(result);
    case 'junit': return (await import('../render/junit.js')).renderJunit(result);
    case 'markdown': return renderCheckMarkdown(result);
  }
}

function jsonPieces(result: CheckResult): Iterable<string> {
  return renderJsonChunks(result.report, undefined, result.failingActivities, { failOn: result.failOn, failed: result.failing.length > 0 });
}

/** Appends the markdown summary to $GITHUB_STEP_SUMMARY, within GitHub's size limit; a failure here only warns. */
async function stepSummary(file: string, result: CheckResult, io: Io): Promise<void> {
  const target = path.resolve(io.cwd, file);
  try {
    const room = await summaryRoom(target);
    const text = renderCheckMarkdown(result, { maxBytes: room });
    if (Buffer.byteLength(text) > room) {
      io.err(`roadmap: not adding to the job summary: it is nearly full (GitHub takes 1 MiB per step)\n`);
      return;
    }
    await appendText(target, text);
  } catch (error) {
    io.err(`roadmap: could not add to the job summary ($GITHUB_STEP_SUMMARY): ${(error as Error).message}\n`);
  }
}

export async function run(options: CheckOptions, io: Io): Promise<number> {
  const failOn = failOnOf(options.failOn);
  const format = formatOf(options);
  const { loaded, report } = await loadReport(options, io);
  const result = check(report, failOn);
  if (options.output) {
    const written = await writeOutput(io, options.output, await render(format, result, plain), loaded.files);
    if (written === 'replaced' && !options.quiet) io.err(`roadmap: replaced ${options.output}\n`);
    // The file holds the report; the log gets annotations inside GitHub Actions, the text list elsewhere.
    const console: CheckFormat = io.env.GITHUB_ACTIONS === 'true' && format !== 'github' ? 'github' : 'text';
    io.out(await render(console, result, console === 'text' ? await paintFor(options, io) : plain));
  } else if (format === 'json') {
    await outPieces(io, jsonPieces(result));
  } else {
    io.out(await render(format, result, format === 'text' ? await paintFor(options, io) : plain));
  }
  if (io.env.GITHUB_STEP_SUMMARY) await stepSummary(io.env.GITHUB_STEP_SUMMARY, result, io);
  if (format !== 'text' && !options.output && !options.quiet) io.err(`roadmap check: ${verdict(result)} (${dateLine(result)})\n`);
  return result.failing.length > 0 ? EXIT.failing : EXIT.ok;
}
