/**
 * `roadmap __complete -- WORDS…` (hidden), called by the completion scripts on every
 * TAB: prints what may follow, one per line. Fast (ids come from loading the
 * roadmaps, nothing is evaluated) and silent: on any error it prints nothing and
 * exits 0, so that nothing lands in the user's prompt.
 */
import type { Command } from 'commander';
import { inertWords, want, type IdKind, type ProgramSpec } from '../complete.js';
import { loadRoadmaps } from '../load/index.js';
import type { Roadmap } from '../model.js';
import { roadmapPaths } from '../shell/context.js';
import type { Io } from '../shell/io.js';

/** The commands, options and choices of the program as commander holds them. */
export function specOf(program: Command): ProgramSpec {
  const options = (c: Command) =>
    c.options
      .filter((o) => !o.hidden)
      .map((o) => ({
        flags: [o.long, o.short].filter((f): f is string => f !== undefined),
        name: o.attributeName(),
        takesValue: o.required || o.optional,
        choices: o.argChoices,
      }));
  return {
    defaultCommand: 'status',
    options: options(program),
    commands: program.commands.map((c) => ({
      name: c.name(),
      options: options(c),
      args: c.registeredArguments.map((a) => ({ name: a.name(), choices: a.argChoices })),
    })),
  };
}

function idsOf(roadmaps: readonly Roadmap[], of: IdKind): string[] {
  return roadmaps.flatMap((r) => {
    if (of === 'entity') return [...r.entities.keys()];
    if (of === 'stage') return r.stages.map((s) => s.id);
    return r.stages.flatMap((s) => s.activities.map((a) => a.id));
  });
}

export async function run(program: Command, words: readonly string[], io: Io): Promise<number> {
  try {
    const w = want(specOf(program), words);
    let found: string[];
    if (w.kind === 'words') found = [...w.words];
    else {
      const paths = w.roadmaps.length ? [...w.roadmaps] : roadmapPaths({}, io);
      const { all } = await loadRoadmaps(paths, { cwd: io.cwd });
      found = idsOf(all, w.of)
        .filter((id) => id.startsWith(w.current))
        .map((id) => w.prefix + id);
    }
    const shown = inertWords(found);
    if (shown.length) io.out(`${shown.join('\n')}\n`);
  } catch {
    // Nothing to offer: a prompt is no place for an error.
  }
  return 0;
}
