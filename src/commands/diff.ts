/** `roadmap diff <old> [new]`: what changed between two versions of the roadmaps. */
import type { DiffFormat } from '../formats.js';
import { failing, GATES, type Gate } from '../diff/changes.js';
import { diffReport } from '../diff/report.js';
import { describe } from '../render/diff-words.js';
import { inert } from '../render/inert.js';
import { paintFor, type GlobalOptions } from '../shell/context.js';
import { EXIT, UserError, type Io } from '../shell/io.js';
import { Sides } from '../shell/sides.js';
import { closest } from '../suggest.js';


export interface DiffOptions extends GlobalOptions {
  readonly format?: DiffFormat;
  readonly failOn?: string;
}

export function parseGates(value: string | undefined): Gate[] {
  if (value === undefined) return [];
  const gates = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const g of gates) {
    if (!(GATES as readonly string[]).includes(g)) {
      const near = closest(g, GATES, 2);
      throw new UserError(`--fail-on: unknown change '${g}'${near.length ? `; did you mean '${near[0]}'?` : ''} (any of: ${GATES.join(', ')})`);
    }
  }
  return gates as Gate[];
}

export async function run(options: DiffOptions, io: Io, oldArg: string, newArg?: string): Promise<number> {
  const failOn = parseGates(options.failOn);
  const sides = new Sides(options, io);
  const before = await sides.side(oldArg);
  const after = newArg === undefined ? await sides.workingTree() : await sides.side(newArg);
  const report = diffReport(before, after, failOn);
  if (report.common.length === 0) {
    const ids = (s: typeof before) => s.roadmaps.map((r) => inert(r.id)).join(', ') || 'none';
    throw new UserError(`${inert(before.label)} and ${inert(after.label)} have no roadmap in common (${ids(before)}; ${ids(after)}): compare editions of the same roadmap`);
  }
  switch (options.format ?? 'text') {
    case 'json': {
      const { renderDiffJson } = await import('../render/diff-json.js');
      io.out(renderDiffJson(report));
      break;
    }
    case 'markdown': {
      const { renderDiffMarkdown } = await import('../render/diff-markdown.js');
      io.out(renderDiffMarkdown(report));
      break;
    }
    case 'text': {
      const { renderDiffText } = await import('../render/diff-text.js');
      io.out(renderDiffText(report, await paintFor(options, io)));
    }
  }
  const failed = failing(report.changes, failOn);
  if (failed.length === 0) return EXIT.ok;
  const shown = failed.slice(0, 5).map((c) => {
    const s = describe(c, inert);
    return `  ${s.subject}: ${s.what}`;
  });
  if (failed.length > 5) shown.push(`  … and ${failed.length - 5} more`);
  io.err(`roadmap: ${failed.length === 1 ? '1 change needs' : `${failed.length} changes need`} sign-off (--fail-on ${failOn.join(',')}):\n${shown.join('\n')}\n`);
  return EXIT.failing;
}
