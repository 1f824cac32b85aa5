/** `roadmap import <file>`: a roadmap document → a roadmap file, with a review report. Reads, calls the core, writes. */
import { lstat, mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, importDocument, type ImportPlan } from '../import/index.js';
import { describeIoError } from '../load/index.js';
import { md } from '../render/markdown.js';
import { inert, inertPath } from '../text/inert.js';
import { UserError, type Io } from '../shell/io.js';
import { writeAtomic, writeOutput } from '../shell/write.js';

export interface ImportOptions {
  readonly id?: string;
  readonly output?: string | true;
  readonly format?: 'yaml' | 'json';
  readonly year?: string;
  readonly report?: string;
  readonly force?: boolean;
  readonly quiet?: boolean;
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

export async function run(options: ImportOptions, io: Io, file: string): Promise<number> {
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
  if (options.output === undefined) io.out(text);
  else {
    // The default file name is built from a checked id: nothing from the document chooses the path.
    const output = options.output === true ? path.join('roadmaps', `${plan.id}.yaml`) : options.output;
    if (options.force) await writeOutput(io, output, text, [file]);
    else {
      const target = path.resolve(io.cwd, output);
      if (
        await lstat(target).then(
          () => true,
          () => false,
        )
      )
        throw new UserError(`${inertPath(output)} exists (--force replaces it); nothing was written`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeAtomic(target, text, { expected: null, shown: inertPath(output) });
    }
    if (!options.quiet) io.err(`roadmap import: wrote ${inertPath(output)}\n`);
  }
  if (options.report) await writeOutput(io, options.report, markdownReport(plan, shown), [file]);
  else if (!options.quiet) {
    // What needs the editor first; then every other interpretation, in document order.
    const ordered = [...plan.notes.filter((n) => n.review), ...plan.notes.filter((n) => !n.review)];
    io.err(ordered.map((n) => `${line(n)}\n`).join(''));
  }
  if (!options.quiet || plan.exit) io.err(`roadmap import: ${inert(summary(plan))}\n`);
  return plan.exit;
}
