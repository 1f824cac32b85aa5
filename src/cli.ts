/**
 * Commander wiring only: the global options, the commands, and a lazy import of
 * each command so that none pays for another's modules.
 */
import { Command, CommanderError, Option } from 'commander';
import { STATES } from './model.js';
import { processIo, UserError, type Io } from './shell/io.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const GLOBAL_HELP = `
Roadmaps are read from --roadmap, else $ROADMAP_PATH, else ./roadmaps, else the
roadmaps shipped with roadmap. Today is --today, else $ROADMAP_TODAY, else the
date in the roadmap's timezone. Exit codes: 0 fine, 1 deadlines missed (check),
2 unusable input, 3 internal error.`;

type Run = (options: never, io: Io, ...args: never[]) => Promise<number>;

export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('roadmap');
  const action = (load: () => Promise<{ run: Run }>) =>
    async function (this: Command, ...args: unknown[]) {
      const { run } = await load();
      const positional = args.slice(0, this.registeredArguments.length);
      done(await (run as (o: unknown, io: Io, ...a: unknown[]) => Promise<number>)(this.optsWithGlobals(), io, ...positional));
    };

  program
    .description('Track roadmaps kept as YAML: what is overdue, due soon, active, upcoming and done.')
    .version(VERSION, '-V, --version')
    .option('-r, --roadmap <path>', 'a roadmap file or directory (repeatable)', collect)
    .option('--today <date>', 'take this date (YYYY-MM-DD) as today')
    .option('--horizon <days>', 'days ahead that count as "due soon" and "upcoming" (default: 14)')
    .option('--revision <n>', 'use this revision of each roadmap instead of the highest')
    .option('--no-color', 'no colour (also NO_COLOR=1, or output that is not a terminal)')
    .option('-q, --quiet', 'say less on stderr')
    .addHelpText('after', GLOBAL_HELP)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showSuggestionAfterError();

  const filters = (c: Command) =>
    c
      .option('--stage <id>', 'only this stage (repeatable, or comma-separated)', collect)
      .option('--entity <id>', 'only activities this entity is responsible for (repeatable)', collect)
      .option('--state <states>', `only these states, comma-separated: ${STATES.join(',')}`);

  filters(
    program
      .command('status', { isDefault: true })
      .description('tables of every activity and its state, per stage or per entity (the default command)')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
      .addOption(new Option('--by <grouping>', 'group by').choices(['stage', 'entity']).default('stage'))
      .option('--limit <n>', 'table: at most n activities per group, then a "more" line (default 25, and 1000 in all; 0: no limit)'),
  )
    .addHelpText('after', `
Examples:
  $ roadmap                                   status of ./roadmaps today
  $ roadmap status --today 2019-07-15 --by entity
  $ roadmap status --state overdue,due-soon --format markdown
  $ roadmap status --format json | jq '.summary'`)
    .action(action(() => import('./commands/status.js')));

  program
    .command('schema')
    .description('print the JSON Schema of the roadmap file format (for editors)')
    .addHelpText('after', `
Example:
  $ roadmap schema > schema/roadmap.schema.json`)
    .action(action(() => import('./commands/schema.js')));

  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      io.err(`roadmap: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    // dist/ is bundled; source maps cost start-up time, so they are on only when asked for.
    const maps = process.sourceMapsEnabled ? '' : '(run it again with NODE_OPTIONS=--enable-source-maps for positions in src/)\n';
    io.err(`roadmap: internal error. This is a bug in roadmap; please report it with the command you ran.\n${maps}${detail}\n`);
    return 3;
  }
}
