/** `roadmap import <file>`: a roadmap document → a roadmap file, with a review report. Reads, calls the core, writes. */
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, importDocument, type ImportPlan } from '../import/index.js';
import { describeIoError } from '../load/index.js';
import { md } from '../render/markdown.js';
import { inert, inertPath } from '../text/inert.js';
import { command } from '../shell/command.js';
import type { FileOutput, Output } from '../shell/effects.js';
import { UserError } from '../shell/io.js';
import type { Run } from '../shell/run.js';

export interface ImportOptions {
  readonly id?: string;
  readonly output?: string | true;
  readonly format?: 'yaml' | 'json';
  readonly year?: string;
  readonly report?: string;
  readonly force?: boolean;
}

/** Roadmap documents are a few hundred kilobytes; a bigger file is not one. */
export const MAX_DOCUMENT = 20 * 1024 * 1024;

async function readBounded(file: string, shown: string): Promise<Buffer> {
  const unreadable = (e: unknown): never => {
    throw new UserError(`cannot read ${shown}: ${describeIoError(e)}`);
  };
  // Before opening: opening a FIFO would wait for a writer.
  const info = await stat(file).catch(unreadable);
  if (!info.isFile()) throw new UserError(`${shown} is not a regular file`);
  const tooBig = (size: number) => new UserError(`${shown} is ${(size / 1048576).toFixed(1)} MB; documents up to ${MAX_DOCUMENT / 1048576} MB are read`);
  if (info.size > MAX_DOCUMENT) throw tooBig(info.size);
  const handle = await open(file, 'r').catch(unreadable);
  try {
    // The file may grow while read: never take more than the cap.
    let buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_DOCUMENT) throw tooBig(length);
        buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, MAX_DOCUMENT + 1 - length))]);
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

const line = (n: ImportPlan['notes'][number]) => `${n.review ? 'review' : '      '}  ${inert(n.at)}: ${inert(n.text)}`;

function summary(plan: ImportPlan): string {
  const { stages, activities, entities } = plan.counts;
  const review = plan.notes.filter((n) => n.review).length;
  return `${plan.id}: ${stages} stages, ${activities} activities, ${entities} entities; ${review ? `${review} to review` : 'everything understood'}`;
}

function markdownReport(plan: ImportPlan, shown: string): string {
  const review = plan.notes.filter((n) => n.review);
  const rest = plan.notes.filter((n) => !n.review);
  return [
    `# Import of ${md(shown)}`,
    '',
    md(summary(plan)),
    '',
    '## To review',
    '',
    ...(review.length ? review.map((n) => `- [ ] ${md(n.at)}: ${md(n.text)}`) : ['Nothing.']),
    '',
    '## Interpretations',
    '',
    ...rest.map((n) => `- ${md(n.at)}: ${md(n.text)}`),
    '',
  ].join('\n');
}

export async function plan(run: Run, options: ImportOptions, file: string): Promise<Output> {
  const { io, quiet } = run;
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new UserError(`--year ${inert(options.year)}: write a year such as 2020`);
  const shown = inertPath(file);
  const bytes = await readBounded(path.resolve(io.cwd, file), shown);
  let plan: ImportPlan;
  try {
    plan = await importDocument(bytes, path.basename(file), { id: options.id, year: options.year ? Number(options.year) : undefined });
  } catch (error) {
    if (error instanceof ImportError) throw new UserError(`cannot import ${shown}: ${inert(error.message)}; nothing was written`);
    throw error;
  }
  const text = options.format === 'json' ? `${JSON.stringify({ id: plan.id, yaml: plan.yaml, review: plan.notes, exit: plan.exit }, null, 2)}\n` : plan.yaml;
  const files: FileOutput[] = [];
  if (options.output !== undefined) {
    // The default file name is built from a checked id: nothing from the document chooses the path.
    const output = options.output === true ? path.join('roadmaps', `${plan.id}.yaml`) : options.output;
    const wrote = () => (quiet ? undefined : `roadmap import: wrote ${inertPath(output)}\n`);
    if (options.force) files.push({ path: output, text, inputs: [file], said: wrote });
    else {
      const there = await lstat(path.resolve(io.cwd, output)).then(
        () => true,
        () => false,
      );
      if (there) throw new UserError(`${inertPath(output)} exists (--force replaces it); nothing was written`);
      files.push({ path: output, text, inputs: [file], create: { shown: inertPath(output) }, said: wrote });
    }
  }
  if (options.report) files.push({ path: options.report, text: markdownReport(plan, shown), inputs: [file] });
  // What needs the editor first; then every other interpretation, in document order.
  const ordered = [...plan.notes.filter((n) => n.review), ...plan.notes.filter((n) => !n.review)];
  const notes = options.report || quiet ? '' : ordered.map((n) => `${line(n)}\n`).join('');
  const said = !quiet || plan.exit ? `roadmap import: ${inert(summary(plan))}\n` : '';
  return { stdout: options.output === undefined ? text : undefined, files, stderr: notes + said, exit: plan.exit };
}

export const run = command(plan);
