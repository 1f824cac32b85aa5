/** `roadmap diff <old> [new]`: what changed between two versions of the roadmaps. */
import { failing } from '../diff/changes.js';
import { diffReport, type DiffReport } from '../diff/report.js';
import { DIFF_GATES, type DiffFormat, type Gate } from '../formats.js';
import { describe } from '../render/diff-words.js';
import { inert } from '../text/inert.js';
import type { Paint } from '../render/paint.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { EXIT, UserError } from '../shell/io.js';
import { parseList, type Run } from '../shell/run.js';
import { Sides } from '../shell/sides.js';

export interface DiffOptions {
  readonly format?: DiffFormat;
  readonly failOn?: string;
}

/** One renderer per format, each loaded only when asked for. */
export const diffFormats = {
  text: async (report, paint) => (await import('../render/diff-text.js')).renderDiffText(report, paint),
  markdown: async (report) => (await import('../render/diff-markdown.js')).renderDiffMarkdown(report),
  json: async (report) => (await import('../render/diff-json.js')).renderDiffJson(report),
} satisfies Record<DiffFormat, (report: DiffReport, paint: Paint) => Promise<string>>;

export function parseGates(value: string | undefined): Gate[] {
  return value === undefined ? [] : parseList(value, DIFF_GATES, '--fail-on', 'change', `any of: ${DIFF_GATES.join(', ')}`);
}

/** What needs a sign-off, at most five of them named. */
function signOff(report: DiffReport, failOn: readonly Gate[]): string | undefined {
  const failed = failing(report.changes, failOn);
  if (failed.length === 0) return undefined;
  const shown = failed.slice(0, 5).map((c) => {
    const s = describe(c, inert);
    return `  ${s.subject}: ${s.what}`;
  });
  if (failed.length > 5) shown.push(`  … and ${failed.length - 5} more`);
  return `roadmap: ${failed.length === 1 ? '1 change needs' : `${failed.length} changes need`} sign-off (--fail-on ${failOn.join(',')}):\n${shown.join('\n')}\n`;
}

export async function plan(run: Run, options: DiffOptions, oldArg: string, newArg?: string): Promise<Output> {
  const failOn = parseGates(options.failOn);
  const sides = new Sides(run);
  const before = await sides.side(oldArg);
  const after = newArg === undefined ? await sides.workingTree() : await sides.side(newArg);
  const report = diffReport(before, after, failOn);
  if (report.common.length === 0) {
    const ids = (s: typeof before) => s.roadmaps.map((r) => inert(r.id)).join(', ') || 'none';
    throw new UserError(`${inert(before.label)} and ${inert(after.label)} have no roadmap in common (${ids(before)}; ${ids(after)}): compare editions of the same roadmap`);
  }
  const stderr = signOff(report, failOn);
  return { stdout: await diffFormats[options.format ?? 'text'](report, run.paint), stderr, exit: stderr ? EXIT.failing : EXIT.ok };
}

export const run = command<DiffOptions, [string, string?]>(plan);
